using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace AwarenessBot.Catalog;

/// <summary>
/// The bot's vocabulary from <c>seeds/catalog.yaml</c>: locales, regions, needs, audiences, age bands, crisis
/// categories and analytics events. <see cref="Default"/> is the file embedded at build time; <see cref="CatalogLoader"/>
/// reads another copy (the validate command, tests). Immutable.
/// </summary>
public sealed class BotCatalog
{
    private static readonly Lazy<BotCatalog> Embedded = new(CatalogLoader.LoadEmbedded);

    private readonly FrozenDictionary<string, LocaleDefinition> _locales;
    private readonly FrozenDictionary<string, RegionDefinition> _regions;
    private readonly FrozenDictionary<string, AudienceDefinition> _audiences;
    private readonly FrozenDictionary<string, AgeBandDefinition> _ageBands;

    internal BotCatalog(
        string fallbackLocale,
        IReadOnlyList<LocaleDefinition> locales,
        RegionDefinition national,
        IReadOnlyList<RegionDefinition> regions,
        IReadOnlyList<string> needs,
        IReadOnlyList<AgeBandDefinition> ageBands,
        IReadOnlyList<AudienceDefinition> audiences,
        string allAudiences,
        double allAudiencesCeiling,
        IReadOnlyList<string> crisisCategories,
        IReadOnlyList<AnalyticsEventDefinition> analyticsEvents)
    {
        Locales = locales;
        LocaleCodes = [.. locales.Select(l => l.Code)];
        _locales = locales.ToFrozenDictionary(l => l.Code, StringComparer.Ordinal);
        Fallback = _locales[fallbackLocale];
        National = national;
        Regions = regions;
        RegionCodes = [.. regions.Select(r => r.Code)];
        _regions = regions.Append(national).ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        Needs = needs;
        AgeBands = ageBands;
        _ageBands = ageBands.ToFrozenDictionary(b => b.Code, StringComparer.Ordinal);
        Audiences = audiences;
        _audiences = audiences.ToFrozenDictionary(a => a.Code, StringComparer.Ordinal);
        AllAudiences = allAudiences;
        AllAudiencesReadabilityCeiling = allAudiencesCeiling;
        CrisisCategories = crisisCategories;
        AnalyticsEvents = analyticsEvents;
        AnalyticsDimensions = analyticsEvents.ToFrozenDictionary(e => e.Name, e => e.Dimensions, StringComparer.Ordinal);
    }

    /// <summary>The catalog this build carries (seeds/catalog.yaml embedded in AwarenessBot.Catalog).</summary>
    public static BotCatalog Default => Embedded.Value;

    /// <summary>Every locale, in the catalog's order.</summary>
    public IReadOnlyList<LocaleDefinition> Locales { get; }

    public IReadOnlyList<string> LocaleCodes { get; }

    /// <summary>The language texts are written in first: shown when a text is missing, the source of translations.</summary>
    public LocaleDefinition Fallback { get; }

    public string FallbackLocale => Fallback.Code;

    /// <summary>Locales every content variant (and every flow, by default) has.</summary>
    public IReadOnlyList<string> RequiredLocales => [.. Locales.Where(l => l.RequiredForAllContent).Select(l => l.Code)];

    /// <summary>Every locale but the fallback: the targets of translation.</summary>
    public IReadOnlyList<string> TranslatedLocales => [.. LocaleCodes.Where(c => c != FallbackLocale)];

    /// <summary>The national region (CA): services for all of Canada, and the time zone when the province is unknown.</summary>
    public RegionDefinition National { get; }

    /// <summary>The provinces and territories, in button order.</summary>
    public IReadOnlyList<RegionDefinition> Regions { get; }

    public IReadOnlyList<string> RegionCodes { get; }

    /// <summary>Needs in the service directory's canonical order.</summary>
    public IReadOnlyList<string> Needs { get; }

    public IReadOnlyList<AgeBandDefinition> AgeBands { get; }

    public IReadOnlyList<AudienceDefinition> Audiences { get; }

    /// <summary>The audience code of content and services that serve everyone ("all").</summary>
    public string AllAudiences { get; }

    public double AllAudiencesReadabilityCeiling { get; }

    /// <summary>What triage raises, in the order of the trained model's classes.</summary>
    public IReadOnlyList<string> CrisisCategories { get; }

    public IReadOnlyList<AnalyticsEventDefinition> AnalyticsEvents { get; }

    /// <summary>Allowed dimension keys per analytics event name.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> AnalyticsDimensions { get; }

    /// <summary>Languages a service may answer in, in the catalog's order.</summary>
    public IReadOnlyList<SpokenLanguage> SpokenLanguages
    {
        get;
        init
        {
            field = value;
            _spoken = value.ToFrozenDictionary(l => l.Code, StringComparer.Ordinal);
        }
    } = [];

    private FrozenDictionary<string, SpokenLanguage> _spoken = FrozenDictionary<string, SpokenLanguage>.Empty;

    public bool IsSpokenLanguage([NotNullWhen(true)] string? code) => code is not null && _spoken.ContainsKey(code);

    /// <summary>The language's name in the locale, else in the fallback locale, else its code.</summary>
    public string SpokenLanguageName(string code, string? locale) =>
        _spoken.TryGetValue(code, out var language)
            ? (locale is not null && language.Name.TryGetValue(locale, out var name) ? name : language.Name.GetValueOrDefault(FallbackLocale) ?? code)
            : code;

    /// <summary>Time zones as service hours name them, in the catalog's order.</summary>
    public IReadOnlyList<TimeZoneName> TimeZoneNames
    {
        get;
        init
        {
            field = value;
            _zones = value.ToFrozenDictionary(z => z.Id, StringComparer.Ordinal);
        }
    } = [];

    private FrozenDictionary<string, TimeZoneName> _zones = FrozenDictionary<string, TimeZoneName>.Empty;

    /// <summary>The zone's name in the locale ("heure de l'Est"), else in the fallback locale, else its id.</summary>
    public string TimeZoneLabel(string zoneId, string? locale) =>
        _zones.TryGetValue(zoneId, out var zone)
            ? (locale is not null && zone.Label.TryGetValue(locale, out var name) ? name : zone.Label.GetValueOrDefault(FallbackLocale) ?? zoneId)
            : zoneId;

    /// <summary>A service_hours wording or template in the locale, else the fallback locale's (null if neither has it).</summary>
    public string? ServiceHoursText(string? locale, string key) =>
        FindLocale(locale)?.ServiceHours.GetValueOrDefault(key) ?? Fallback.ServiceHours.GetValueOrDefault(key);

    /// <summary>The seven day names (Monday first) in the locale, else the fallback locale's.</summary>
    public IReadOnlyList<string> WeekdayNames(string? locale) =>
        FindLocale(locale) is { Weekdays.Count: 7 } l ? l.Weekdays : Fallback.Weekdays;

    public bool IsLocale([NotNullWhen(true)] string? code) => code is not null && _locales.ContainsKey(code);

    public LocaleDefinition? FindLocale(string? code) => code is not null && _locales.TryGetValue(code, out var locale) ? locale : null;

    /// <summary>A province, territory or the national region.</summary>
    public RegionDefinition? FindRegion(string? code) => code is not null && _regions.TryGetValue(code, out var region) ? region : null;

    public bool IsProvinceOrTerritory([NotNullWhen(true)] string? code) => code is not null && code != National.Code && _regions.ContainsKey(code);

    /// <summary>
    /// The content audience written for someone worried about another person (the audience marked third_person), else
    /// null: a crisis raised by a message about someone else speaks to the one who wrote.
    /// </summary>
    public string? ThirdPersonContentAudience => Audiences.FirstOrDefault(a => a.ThirdPerson)?.ContentAudience;

    /// <summary>An adult writing about a child or students (the audiences marked about_a_child: parent, educator).</summary>
    public bool IsAboutAChild([NotNullWhen(true)] string? audience) => FindAudience(audience) is { AboutAChild: true };

    public AudienceDefinition? FindAudience(string? code) => code is not null && _audiences.TryGetValue(code, out var audience) ? audience : null;

    public AgeBandDefinition? FindAgeBand(string? code) => code is not null && _ageBands.TryGetValue(code, out var band) ? band : null;

    /// <summary>The locales a content variant for these audiences must have.</summary>
    public IEnumerable<string> LocalesRequiredFor(IReadOnlyCollection<string> variantAudiences) =>
        Locales.Where(l => l.RequiredForAllContent || variantAudiences.Contains(l.ContentRequired)).Select(l => l.Code);
}
