namespace AwarenessBot.Catalog;

/// <summary>A province or territory (or the national region): code, time zone, button label per locale, short forms.</summary>
/// <param name="Code">Two-letter code (ON, QC, …; CA for national).</param>
/// <param name="TimeZone">IANA time zone of most of the population.</param>
public sealed record RegionDefinition(string Code, string TimeZone)
{
    /// <summary>Short button label per locale (at most 20 characters).</summary>
    public IReadOnlyDictionary<string, string> Label { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Short forms that count inside a sentence ("bc", "pei").</summary>
    public IReadOnlyList<string> Abbreviations { get; init; } = [];

    /// <summary>The code typed in capitals inside a sentence names the region ("i live in ON"); false where it is mostly something else (PE: gym class).</summary>
    public bool CodeInCapitals { get; init; } = true;
}
