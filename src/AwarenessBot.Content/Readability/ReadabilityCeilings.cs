using AwarenessBot.Catalog;

namespace AwarenessBot.Content.Readability;

/// <summary>The highest grade allowed per audience, and the tolerance per locale for formulas less exact than English.</summary>
public static class ReadabilityCeilings
{
    // Age bands, content audiences and "all", from seeds/catalog.yaml.
    private static readonly Dictionary<string, double> Ceilings = BuildCeilings(BotCatalog.Default);

    public static double For(string audience) => Ceilings.TryGetValue(audience, out var grade) ? grade : BotCatalog.Default.AllAudiencesReadabilityCeiling;

    /// <summary>The strictest ceiling of a variant that serves several audiences, and which audience sets it.</summary>
    public static (double Grade, string Audience) Strictest(IEnumerable<string> audiences) =>
        audiences.Select(a => (Grade: For(a), Audience: a)).OrderBy(x => x.Grade).DefaultIfEmpty((For(BotCatalog.Default.AllAudiences), BotCatalog.Default.AllAudiences)).First();

    /// <summary>Extra grade allowed for a locale (seeds/catalog.yaml): Tagalog has no validated formula, so its estimate gets one grade of slack.</summary>
    public static double ToleranceFor(string locale) => BotCatalog.Default.FindLocale(locale)?.ReadabilityTolerance ?? 0.0;

    private static Dictionary<string, double> BuildCeilings(BotCatalog catalog)
    {
        var ceilings = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var band in catalog.AgeBands) ceilings[band.Code] = band.ReadabilityCeiling;
        foreach (var audience in catalog.Audiences)
        {
            if (audience is { ContentAudience: { } content, ReadabilityCeiling: { } grade }) ceilings[content] = grade;
        }

        ceilings[catalog.AllAudiences] = catalog.AllAudiencesReadabilityCeiling;
        return ceilings;
    }
}
