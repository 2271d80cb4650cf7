using System.Collections.Frozen;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Repository;

/// <summary>
/// Picks the variant of an item for an audience: exact band → "all" → for adults (worker, educator, 19+) 19+, then
/// 16-18, 13-15, 9-12; for a youth band the younger bands; an unknown or missing band gets the most cautious
/// (youngest) variant present. Bands (youngest first) and audiences come from seeds/catalog.yaml.
/// </summary>
internal static class AudienceFallback
{
    public static string All => BotCatalog.Default.AllAudiences;

    private static readonly string[] YouthBands = [.. BotCatalog.Default.AgeBands.Select(b => b.Code)];
    private static readonly string[] AdultChain = [.. Enumerable.Reverse(YouthBands)];

    // Content audiences that are not bands (worker, educator) read as adults.
    private static readonly string[] AudiencesNotBands = [.. BotCatalog.Default.Audiences.Select(a => a.ContentAudience).OfType<string>().Distinct()];

    private static readonly string[] MostCautiousFirst =
    [
        .. BotCatalog.Default.AgeBands.Where(b => !b.Adult).Select(b => b.Code),
        All,
        .. BotCatalog.Default.AgeBands.Where(b => b.Adult).Select(b => b.Code),
        .. AudiencesNotBands,
    ];

    private static readonly string AdultBand = BotCatalog.Default.AgeBands.First(b => b.Adult).Code;

    /// <summary>
    /// For every band <see cref="Normalize"/> can return, the audiences tried in order: built once, because a turn
    /// chooses variants for several items and building the chain each time showed in the turn's profile.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> CandidatesFor = YouthBands.Concat(AudiencesNotBands).Append(All)
        .Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(band => band, band => (string[])[band, All, .. ChainFor(band)], StringComparer.Ordinal);

    public static (VariantDefinition Variant, string Audience) Choose(ContentItemDefinition item, string? requested)
    {
        // A stored audience is already normal (the common case): no trimming or lower-casing to find its chain.
        var band = requested is not null && CandidatesFor.ContainsKey(requested) ? requested : Normalize(requested);
        if (band is not null)
        {
            foreach (var candidate in CandidatesFor[band])
            {
                if (Find(item, candidate) is { } variant)
                {
                    return (variant, candidate);
                }
            }
        }

        foreach (var candidate in MostCautiousFirst)
        {
            if (Find(item, candidate) is { } variant)
            {
                return (variant, candidate);
            }
        }

        var first = item.Variants[0];
        return (first, first.Audience.FirstOrDefault() ?? All);
    }

    /// <summary>Known bands pass; "adult" means 19+; anything else (null, "youth", typos) is unknown.</summary>
    internal static string? Normalize(string? audience)
    {
        var value = audience?.Trim().ToLowerInvariant();
        if (value is "adult" or "adults") return AdultBand;
        return value is not null && (YouthBands.Contains(value) || AudiencesNotBands.Contains(value) || value == All) ? value : null;
    }

    private static IEnumerable<string> ChainFor(string band)
    {
        var youthIndex = Array.IndexOf(YouthBands, band);
        if (AudiencesNotBands.Contains(band) || BotCatalog.Default.FindAgeBand(band) is { Adult: true })
        {
            return AdultChain;
        }

        return youthIndex > 0 ? YouthBands[..youthIndex].Reverse() : [];
    }

    /// <summary>Plain loops: this runs for every candidate band of every item a turn shows (no delegate per call).</summary>
    private static VariantDefinition? Find(ContentItemDefinition item, string band)
    {
        foreach (var variant in item.Variants)
        {
            foreach (var audience in variant.Audience)
            {
                if (string.Equals(audience, band, StringComparison.Ordinal))
                {
                    return variant;
                }
            }
        }

        return null;
    }
}
