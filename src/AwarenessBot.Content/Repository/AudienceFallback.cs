using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Repository;

/// <summary>
/// Picks the variant of an item for an audience: exact band → "all" → for adults (worker, educator, 19+) 19+, then
/// 16-18, 13-15, 9-12; for a youth band the younger bands; an unknown or missing band gets the most cautious
/// (youngest) variant present.
/// </summary>
internal static class AudienceFallback
{
    public const string All = "all";

    private static readonly string[] YouthBands = ["9-12", "13-15", "16-18", "19+"];
    private static readonly string[] AdultChain = ["19+", "16-18", "13-15", "9-12"];
    private static readonly string[] MostCautiousFirst = ["9-12", "13-15", "16-18", All, "19+", "worker", "educator"];

    public static (VariantDefinition Variant, string Audience) Choose(ContentItemDefinition item, string? requested)
    {
        var band = Normalize(requested);
        if (band is not null)
        {
            foreach (var candidate in new[] { band, All }.Concat(ChainFor(band)))
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
        return value switch
        {
            "adult" or "adults" => "19+",
            "9-12" or "13-15" or "16-18" or "19+" or "worker" or "educator" or All => value,
            _ => null,
        };
    }

    private static IEnumerable<string> ChainFor(string band)
    {
        var youthIndex = Array.IndexOf(YouthBands, band);
        if (band is "worker" or "educator" || band == "19+")
        {
            return AdultChain;
        }

        return youthIndex > 0 ? YouthBands[..youthIndex].Reverse() : [];
    }

    private static VariantDefinition? Find(ContentItemDefinition item, string band) =>
        item.Variants.FirstOrDefault(v => v.Audience.Contains(band, StringComparer.Ordinal));
}
