namespace AwarenessBot.Catalog;

/// <summary>One language of the bot, as <c>seeds/catalog.yaml</c> lists it.</summary>
/// <param name="Code">Two-letter code used everywhere (seeds, flows, state): en, fr, es, tl.</param>
/// <param name="Name">English name.</param>
/// <param name="NativeName">The name in the language itself.</param>
/// <param name="Direction"><c>ltr</c> or <c>rtl</c>.</param>
/// <param name="ContentRequired">Which content variants must have it: <c>all</c> of them, or those for one audience (<c>worker</c>).</param>
/// <param name="Readability">The grade formula, by name (<see cref="ReadabilityFormulas"/>).</param>
/// <param name="Syllables">The syllable counter, by name (<see cref="SyllableCounterNames"/>).</param>
/// <param name="Stemmer">The stemmer, by name (<see cref="StemmerNames"/>).</param>
public sealed record LocaleDefinition(
    string Code,
    string Name,
    string NativeName,
    string Direction,
    string ContentRequired,
    string Readability,
    string Syllables,
    string Stemmer)
{
    /// <summary>Extra grade a readability estimate may reach, for formulas less exact than English.</summary>
    public double ReadabilityTolerance { get; init; }

    /// <summary>Azure AI Language finds personal data in this language.</summary>
    public bool AzurePii { get; init; }

    /// <summary>The colon between a name and its value ("Nom : contact"); null: the fallback locale's.</summary>
    public string? Colon { get; init; }

    /// <summary>
    /// Wording of service hours (<see cref="CatalogLoader.ServiceHoursKeys"/>): hours that are not a schedule, and the
    /// templates a weekly opening is written with; missing: the fallback locale's.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceHours { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The seven day names service hours show, Monday first; empty: the fallback locale's.</summary>
    public IReadOnlyList<string> Weekdays { get; init; } = [];

    /// <summary>Every content variant must have this locale (else only the variants for <see cref="ContentRequired"/>).</summary>
    public bool RequiredForAllContent => ContentRequired == LocaleRequirement.All;
}

/// <summary>Values of <see cref="LocaleDefinition.ContentRequired"/> other than an audience code.</summary>
public static class LocaleRequirement
{
    public const string All = "all";
}

/// <summary>Names of the readability formulas code implements.</summary>
public static class ReadabilityFormulas
{
    public const string FleschKincaid = "flesch_kincaid";
    public const string KandelMoles = "kandel_moles";
    public const string FernandezHuerta = "fernandez_huerta";
    public const string FleschKincaidTagalog = "flesch_kincaid_tagalog";

    public static IReadOnlyList<string> All { get; } = [FleschKincaid, KandelMoles, FernandezHuerta, FleschKincaidTagalog];
}

/// <summary>Names of the syllable counters code implements.</summary>
public static class SyllableCounterNames
{
    public const string English = "english";
    public const string French = "french";
    public const string Spanish = "spanish";
    public const string Tagalog = "tagalog";

    public static IReadOnlyList<string> All { get; } = [English, French, Spanish, Tagalog];
}

/// <summary>Names of the stemmers code implements; <see cref="None"/> leaves words as they are.</summary>
public static class StemmerNames
{
    public const string SnowballEnglish = "snowball_english";
    public const string SnowballFrench = "snowball_french";
    public const string SnowballSpanish = "snowball_spanish";
    public const string TagalogAffixes = "tagalog_affixes";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [SnowballEnglish, SnowballFrench, SnowballSpanish, TagalogAffixes, None];
}
