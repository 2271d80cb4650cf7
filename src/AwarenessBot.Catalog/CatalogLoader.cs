using System.Globalization;
using System.Text.RegularExpressions;
using AwarenessBot.DataFiles;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Catalog;

/// <summary>
/// Reads <c>seeds/catalog.yaml</c> and checks it: every error found (file:line and what is wrong), then one
/// <see cref="CatalogException"/> with all of them. The shape is also described by seeds/schema/catalog.schema.json
/// for editors; this loader is what the bot trusts.
/// </summary>
public static partial class CatalogLoader
{
    /// <summary>The name the catalog has in seeds/ and in error messages.</summary>
    public const string FileName = "catalog.yaml";

    /// <summary>The rule name of the catalog's own checks.</summary>
    public const string Rule = "catalog";

    internal static BotCatalog LoadEmbedded() => Parse(EmbeddedText(), "seeds/" + FileName);

    /// <summary>The text of the catalog this build carries.</summary>
    public static string EmbeddedText()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetName().Name + "." + FileName)
            ?? throw new CatalogException("seeds/" + FileName + " is not embedded in AwarenessBot.Catalog (see its csproj)");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a catalog file (the validate command reads the seeds folder's own copy).</summary>
    public static BotCatalog Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads catalog text; <paramref name="source"/> names it in errors.</summary>
    public static BotCatalog Parse(string yaml, string source)
    {
        var errors = new Errors(source);
        // The shared reader: the same YAML reading and duplicate-key check as every other data file.
        var yamlIssues = new List<ValidationIssue>();
        var document = YamlReader.TryRead(source, yaml, yamlIssues);
        if (document is null) throw new CatalogException(yamlIssues);
        var root = document.Yaml as YamlMappingNode ?? throw new CatalogException([ValidationIssue.Error(Rule, source, 1, null, "not a YAML mapping")]);

        var audiences = Audiences(root, errors);
        // One voice for a message about someone else: the engine asks for that variant by this audience's content key.
        if (audiences.Count(a => a.ThirdPerson) > 1) errors.Add(At(root, "audiences"), "more than one audience has third_person: true");
        foreach (var a in audiences.Where(a => a.ThirdPerson && a.ContentAudience is null)) errors.Add(At(root, "audiences"), $"audience {a.Code} has third_person: true but no content_audience");
        var allAudiences = root.Children.TryGetValue("all_audiences", out var allNode) && allNode is YamlMappingNode all ? all : null;
        var allCode = allAudiences is null ? "all" : Required(allAudiences, "code", errors);
        var allCeiling = allAudiences is null ? 6 : Number(allAudiences, "readability_ceiling", errors) ?? 6;
        if (allAudiences is null) errors.Add(root, "all_audiences is missing");
        var contentAudiences = audiences.Select(a => a.ContentAudience).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var locales = Locales(root, contentAudiences, errors);
        var localeCodes = locales.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var fallback = Required(root, "fallback_locale", errors);
        if (fallback.Length > 0 && !localeCodes.Contains(fallback)) errors.Add(At(root, "fallback_locale"), $"fallback_locale '{fallback}' is not one of the locales ({string.Join(", ", localeCodes)})");
        if (locales.FirstOrDefault(l => l.Code == fallback) is { } fallbackLocale)
        {
            if (!fallbackLocale.RequiredForAllContent) errors.Add(root, $"the fallback locale '{fallback}' must have content_required: all");
            if (fallbackLocale.Colon is null) errors.Add(root, $"the fallback locale '{fallback}' has no colon (other locales fall back to it)");
            if (fallbackLocale.Weekdays.Count == 0) errors.Add(root, $"the fallback locale '{fallback}' has no weekdays (other locales fall back to it)");
            foreach (var key in ServiceHoursKeys.Where(k => !fallbackLocale.ServiceHours.ContainsKey(k)))
            {
                errors.Add(root, $"the fallback locale '{fallback}' has no service_hours {key} (other locales fall back to it)");
            }
        }

        var national = root.Children.TryGetValue("national_region", out var nationalNode) && nationalNode is YamlMappingNode n
            ? Region(n, localeCodes, null, national: true, errors)
            : null;
        if (national is null) errors.Add(root, "national_region is missing");
        var regions = Mappings(root, "regions", errors).Select(r => Region(r, localeCodes, localeCodes.Contains(fallback) ? fallback : null, national: false, errors)).ToList();
        Unique(regions.Select(r => r.Code).Append(national?.Code ?? ""), "region", At(root, "regions"), errors);

        var spoken = Mappings(root, "spoken_languages", errors).Select(l => SpokenLanguage(l, localeCodes, localeCodes.Contains(fallback) ? fallback : null, errors)).ToList();
        Unique(spoken.Select(l => l.Code), "spoken language", At(root, "spoken_languages"), errors);

        var zones = root.Children.ContainsKey("time_zones")
            ? Mappings(root, "time_zones", errors).Select(z => TimeZoneName(z, localeCodes, localeCodes.Contains(fallback) ? fallback : null, errors)).ToList()
            : [];
        Unique(zones.Select(z => z.Id), "time zone", root, errors);

        var needs = Strings(root, "needs", errors);
        Unique(needs, "need", At(root, "needs"), errors);
        var ageBands = Mappings(root, "age_bands", errors)
            .Select(b => new AgeBandDefinition(Required(b, "code", errors), Bool(b, "adult", errors), Number(b, "readability_ceiling", errors) ?? 0)
            {
                ServiceAudience = Optional(b, "service_audience"),
                Under18 = Bool(b, "under_18", errors),
            })
            .ToList();
        Unique(ageBands.Select(b => b.Code), "age band", At(root, "age_bands"), errors);
        var crisis = Strings(root, "crisis_categories", errors);
        Unique(crisis, "crisis category", At(root, "crisis_categories"), errors);
        var events = Mappings(root, "analytics_events", errors)
            .Select(e => new AnalyticsEventDefinition(Required(e, "name", errors), new HashSet<string>(Strings(e, "dimensions", errors), StringComparer.Ordinal)))
            .ToList();
        Unique(events.Select(e => e.Name), "analytics event", At(root, "analytics_events"), errors);
        foreach (var name in AnalyticsEventNames.All.Where(name => events.All(e => e.Name != name)))
        {
            errors.Add(At(root, "analytics_events"), $"analytics_events has no '{name}', which the code emits (AnalyticsEventNames)");
        }

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => !TopLevelKeys.Contains(k.Value ?? "")))
        {
            errors.Add(key, $"unknown key '{key.Value}'");
        }

        errors.ThrowIfAny();
        return new BotCatalog(fallback, locales, national!, regions, needs, ageBands, audiences, allCode, allCeiling, crisis, events)
        {
            SpokenLanguages = spoken,
            TimeZoneNames = zones,
        };
    }

    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "fallback_locale", "locales", "national_region", "regions", "needs", "age_bands", "audiences", "all_audiences", "crisis_categories", "analytics_events",
        "spoken_languages", "time_zones",
    };

    private static List<LocaleDefinition> Locales(YamlMappingNode root, HashSet<string> contentAudiences, Errors errors)
    {
        var locales = new List<LocaleDefinition>();
        foreach (var node in Mappings(root, "locales", errors))
        {
            var code = Required(node, "code", errors);
            if (code.Length > 0 && !LocaleCodePattern().IsMatch(code)) errors.Add(node, $"locale code '{code}' is not two or three lower-case letters");
            var direction = Required(node, "direction", errors);
            if (direction.Length > 0 && direction is not ("ltr" or "rtl")) errors.Add(node, $"locale {code}: direction '{direction}' is not ltr or rtl");
            var required = Required(node, "content_required", errors);
            if (required.Length > 0 && required != LocaleRequirement.All && !contentAudiences.Contains(required))
                errors.Add(node, $"locale {code}: content_required '{required}' is not 'all' or a content audience ({string.Join(", ", contentAudiences)})");
            var locale = new LocaleDefinition(
                code,
                Required(node, "name", errors),
                Required(node, "native_name", errors),
                direction,
                required,
                OneOf(node, "readability", ReadabilityFormulas.All, code, errors),
                OneOf(node, "syllables", SyllableCounterNames.All, code, errors),
                OneOf(node, "stemmer", StemmerNames.All, code, errors))
            {
                ReadabilityTolerance = Number(node, "readability_tolerance", errors) ?? 0,
                AzurePii = Bool(node, "azure_pii", errors),
                Colon = Optional(node, "colon"),
                ServiceHours = StringMap(node, "service_hours", errors),
                Weekdays = node.Children.ContainsKey("weekdays") ? Strings(node, "weekdays", errors) : [],
            };
            foreach (var key in locale.ServiceHours.Keys.Where(k => !ServiceHoursKeys.Contains(k)))
            {
                errors.Add(node, $"locale {code}: service_hours has an unknown key '{key}' ({string.Join(", ", ServiceHoursKeys)})");
            }

            foreach (var (key, placeholders) in ServiceHoursPlaceholders)
            {
                if (locale.ServiceHours.TryGetValue(key, out var template) && !placeholders.All(p => p.Split('|').Any(template.Contains)))
                    errors.Add(node, $"locale {code}: service_hours {key} '{template}' must hold {string.Join(" and ", placeholders)}");
            }

            if (locale.Weekdays.Count is not (0 or 7)) errors.Add(node, $"locale {code}: weekdays has {locale.Weekdays.Count} names, not 7 (Monday first)");

            locales.Add(locale);
        }

        if (locales.Count == 0) errors.Add(root, "no locales");
        Unique(locales.Select(l => l.Code), "locale", At(root, "locales"), errors);
        return locales;
    }

    /// <summary>The service_hours keys a locale may word.</summary>
    public static IReadOnlyList<string> ServiceHoursKeys { get; } =
        ["always_open", "online_only", "not_confirmed", "opening", "day_range", "day_list", "time_range", "time"];

    /// <summary>The placeholders each service_hours template must hold ("a|b": either).</summary>
    private static readonly (string Key, string[] Placeholders)[] ServiceHoursPlaceholders =
    [
        ("opening", ["{days}", "{times}"]),
        ("day_range", ["{from}", "{to}"]),
        ("time_range", ["{from}", "{to}"]),
        ("time", ["{hh}|{h}", "{mm}"]),
    ];

    private static RegionDefinition Region(YamlMappingNode node, HashSet<string> locales, string? fallback, bool national, Errors errors)
    {
        var code = Required(node, "code", errors);
        if (code.Length > 0 && !RegionCodePattern().IsMatch(code)) errors.Add(node, $"region code '{code}' is not two capital letters");
        var zone = Required(node, "time_zone", errors);
        if (zone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) errors.Add(node, $"region {code}: time zone '{zone}' is unknown");
        var label = StringMap(node, "label", errors);
        if (!national)
        {
            if (fallback is not null && !label.ContainsKey(fallback)) errors.Add(node, $"region {code}: label has no '{fallback}' text");
            foreach (var (locale, text) in label)
            {
                if (!locales.Contains(locale)) errors.Add(node, $"region {code}: label has '{locale}', which is not a locale");
                if (text.Length is 0 or > 20) errors.Add(node, $"region {code}: label '{text}' ({locale}) is not 1–20 characters");
            }
        }

        return new RegionDefinition(code, zone)
        {
            Label = label,
            Abbreviations = node.Children.ContainsKey("abbreviations") ? Strings(node, "abbreviations", errors) : [],
            CodeInCapitals = Optional(node, "code_in_capitals") is null || Bool(node, "code_in_capitals", errors),
        };
    }

    private static SpokenLanguage SpokenLanguage(YamlMappingNode node, HashSet<string> locales, string? fallback, Errors errors)
    {
        var code = Required(node, "code", errors);
        if (code.Length > 0 && !LocaleCodePattern().IsMatch(code)) errors.Add(node, $"spoken language code '{code}' is not two or three lower-case letters");
        var name = StringMap(node, "name", errors);
        if (fallback is not null && !name.ContainsKey(fallback)) errors.Add(node, $"spoken language {code}: name has no '{fallback}' text");
        foreach (var locale in name.Keys.Where(l => !locales.Contains(l))) errors.Add(node, $"spoken language {code}: name has '{locale}', which is not a locale");
        return new SpokenLanguage(code, name);
    }

    private static TimeZoneName TimeZoneName(YamlMappingNode node, HashSet<string> locales, string? fallback, Errors errors)
    {
        var id = Required(node, "id", errors);
        if (id.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)) errors.Add(node, $"time zone '{id}' is unknown");
        var label = StringMap(node, "label", errors);
        if (fallback is not null && !label.ContainsKey(fallback)) errors.Add(node, $"time zone {id}: label has no '{fallback}' text");
        foreach (var locale in label.Keys.Where(l => !locales.Contains(l))) errors.Add(node, $"time zone {id}: label has '{locale}', which is not a locale");
        return new TimeZoneName(id, label);
    }

    private static List<AudienceDefinition> Audiences(YamlMappingNode root, Errors errors) =>
        [.. Mappings(root, "audiences", errors).Select(a => new AudienceDefinition(
            Required(a, "code", errors),
            Optional(a, "content_audience"),
            Required(a, "service_audience", errors),
            Bool(a, "adult", errors),
            Number(a, "readability_ceiling", errors))
        {
            ThirdPerson = Bool(a, "third_person", errors),
            AboutAChild = Bool(a, "about_a_child", errors),
        })];

    private static string OneOf(YamlMappingNode node, string key, IReadOnlyList<string> names, string code, Errors errors)
    {
        var value = Required(node, key, errors);
        if (value.Length > 0 && !names.Contains(value)) errors.Add(node, $"locale {code}: {key} '{value}' is not one the code has ({string.Join(", ", names)})");
        return value;
    }

    private static void Unique(IEnumerable<string> codes, string what, YamlNode at, Errors errors)
    {
        foreach (var duplicate in codes.Where(c => c.Length > 0).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(at, $"{what} '{duplicate.Key}' is listed {duplicate.Count()} times");
        }
    }

    /// <summary>The value under a key (for its line), else the mapping itself.</summary>
    private static YamlNode At(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out var value) ? value : node;

    private static string? Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;

    private static string Required(YamlMappingNode node, string key, Errors errors)
    {
        if (Optional(node, key) is { } text) return text;
        errors.Add(node, $"'{key}' is missing or empty");
        return "";
    }

    private static bool Bool(YamlMappingNode node, string key, Errors errors)
    {
        var text = Optional(node, key);
        if (text is null or "false") return false;
        if (text == "true") return true;
        errors.Add(node, $"'{key}' is '{text}', not true or false");
        return false;
    }

    private static double? Number(YamlMappingNode node, string key, Errors errors)
    {
        var text = Optional(node, key);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(node, $"'{key}' is '{text}', not a number");
        return null;
    }

    private static List<YamlMappingNode> Mappings(YamlMappingNode node, string key, Errors errors)
    {
        if (!node.Children.TryGetValue(key, out var value) || value is not YamlSequenceNode sequence)
        {
            errors.Add(node, $"'{key}' is missing or not a list");
            return [];
        }

        var items = new List<YamlMappingNode>();
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode map) items.Add(map);
            else errors.Add(item, $"an entry of '{key}' is not a mapping");
        }

        return items;
    }

    private static List<string> Strings(YamlMappingNode node, string key, Errors errors)
    {
        if (!node.Children.TryGetValue(key, out var value) || value is not YamlSequenceNode sequence)
        {
            errors.Add(node, $"'{key}' is missing or not a list");
            return [];
        }

        var items = new List<string>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text }) items.Add(text);
            else errors.Add(item, $"an entry of '{key}' is not a plain value");
        }

        return items;
    }

    private static Dictionary<string, string> StringMap(YamlMappingNode node, string key, Errors errors)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!node.Children.TryGetValue(key, out var value)) return map;
        if (value is not YamlMappingNode mapping)
        {
            errors.Add(value, $"'{key}' is not a mapping");
            return map;
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } text }) map[name] = text;
            else errors.Add(k, $"'{key}' holds something other than text");
        }

        return map;
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LocaleCodePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCodePattern();

    private sealed class Errors(string source)
    {
        private readonly List<ValidationIssue> _errors = [];

        public void Add(YamlNode at, string message) => _errors.Add(ValidationIssue.Error(Rule, source, (int)at.Start.Line, null, message));

        public void ThrowIfAny()
        {
            if (_errors.Count > 0) throw new CatalogException(new ValidationReport(_errors).Errors);
        }
    }
}

/// <summary>The catalog could not be read or is not consistent; <see cref="Issues"/> lists every problem with its line.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException(IReadOnlyList<ValidationIssue> issues)
        : base("The vocabulary catalog is invalid:\n" + string.Join("\n", issues ?? []))
    {
        Issues = issues ?? [];
        Errors = [.. Issues.Select(i => i.ToString())];
    }

    public CatalogException() : this([]) { }

    public CatalogException(string message) : base(message) => (Issues, Errors) = ([], [message]);

    public CatalogException(string message, Exception innerException) : base(message, innerException) => (Issues, Errors) = ([], [message]);

    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Each issue as "file:line: error [catalog] message".</summary>
    public IReadOnlyList<string> Errors { get; }
}
