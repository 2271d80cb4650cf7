namespace AwarenessBot.Content.Readability;

/// <summary>The highest grade allowed per audience, and the tolerance per locale for formulas less exact than English.</summary>
public static class ReadabilityCeilings
{
    private static readonly Dictionary<string, double> Ceilings = new(StringComparer.Ordinal)
    {
        ["9-12"] = 5,
        ["13-15"] = 7,
        ["16-18"] = 9,
        ["19+"] = 9,
        ["worker"] = 9,
        ["educator"] = 12,
        ["all"] = 6,
    };

    public static double For(string audience) => Ceilings.TryGetValue(audience, out var grade) ? grade : 6;

    /// <summary>The strictest ceiling of a variant that serves several audiences, and which audience sets it.</summary>
    public static (double Grade, string Audience) Strictest(IEnumerable<string> audiences) =>
        audiences.Select(a => (Grade: For(a), Audience: a)).OrderBy(x => x.Grade).DefaultIfEmpty((For("all"), "all")).First();

    /// <summary>Extra grade allowed for a locale: Tagalog has no validated formula, so its estimate gets one grade of slack.</summary>
    public static double ToleranceFor(string locale) => locale == "tl" ? 1.0 : 0.0;
}
