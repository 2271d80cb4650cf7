using AwarenessBot.Catalog;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Language;

/// <summary>A province or territory: its code, a short button label per locale, and every name people type for it.</summary>
internal sealed record RegionDefinition(string Code, IReadOnlyDictionary<string, string> Label, IReadOnlyList<string> Names)
{
    /// <summary>The code typed in capitals inside a sentence names the region (not PE: gym class).</summary>
    public bool CodeInCapitals { get; init; } = true;

    /// <summary>Short forms that count inside a sentence ("bc", "pei").</summary>
    public IReadOnlyList<string> Abbreviations { get; init; } = [];

    /// <summary>Cities and towns.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Short forms that name the region only as the whole message ("yk": Yellowknife alone, "you know" in a sentence).</summary>
    public IReadOnlyList<string> WholeMessageOnly { get; init; } = [];

    /// <summary>The full name per locale, for sentences (regions.yaml name): "Colombie-Britannique", not the button's "Colombie-Brit.".</summary>
    public IReadOnlyDictionary<string, string> Name { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// A region named in a message: which, where (word index), whether an away word came just before it, and whether a
/// home word did ("i live in gatineau").
/// </summary>
internal readonly record struct RegionMention(string Code, int Word, bool Away, bool Home = false);

/// <summary>
/// Recognises "Québec", "qc", "Colombie-Britannique", "whitehorse", "im in surrey"... in any language, and which of
/// several named regions the person is in now ("I moved from Alberta to BC" → BC; "I live in Gatineau but work in
/// Ottawa" → Quebec, where they live). Codes, button labels and
/// abbreviations come from seeds/catalog.yaml, the names people type and the places from seeds/intents/regions.yaml.
/// </summary>
internal sealed class RegionCatalog
{
    private readonly Dictionary<string, string> _whole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _inSentence = new(StringComparer.Ordinal);
    private readonly HashSet<string> _away;
    private readonly HashSet<string> _home;
    private readonly RegionSlang _slang;
    private readonly int _longestName;

    /// <summary>The one-word names fuzzy matching may find, by length (a typo changes a length by one at most).</summary>
    private readonly Dictionary<int, string[]> _fuzzyNamesByLength;

    public RegionCatalog(IReadOnlyList<RegionDefinition> regions, IEnumerable<string>? awayWords = null, IEnumerable<string>? homeWords = null, RegionSlang? slang = null)
    {
        Regions = regions;
        _slang = slang ?? RegionSlang.None;
        _away = new HashSet<string>((awayWords ?? []).Select(TextNormalizer.Normalize), StringComparer.Ordinal);
        _home = new HashSet<string>((homeWords ?? []).Select(TextNormalizer.Normalize), StringComparer.Ordinal);
        foreach (var region in regions)
        {
            _whole[TextNormalizer.Normalize(region.Code)] = region.Code;
            foreach (var name in region.Names.Concat(region.Label.Values).Concat(region.Abbreviations).Concat(region.Places))
            {
                var key = TextNormalizer.Normalize(name);
                if (key.Length == 0) continue;
                _whole[key] = region.Code;
                _inSentence[key] = region.Code;
            }
            foreach (var name in region.WholeMessageOnly)
            {
                var key = TextNormalizer.Normalize(name);
                if (key.Length > 0) _whole[key] = region.Code;
            }
        }
        _longestName = _inSentence.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
        _fuzzyNamesByLength = _inSentence.Keys.Where(k => k.Length >= FuzzyMinLength && !k.Contains(' ', StringComparison.Ordinal))
            .GroupBy(k => k.Length).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<RegionDefinition> Regions { get; }

    public bool IsKnown(string code) => Regions.Any(r => r.Code == code);

    /// <summary>A province code typed in capitals inside a sentence ("i live in ON", "moved to NS"): the code.</summary>
    public string? CodeInCapitals(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        string? found = null;
        foreach (var word in raw.Split([' ', ',', '.', '!', '?', ';', ':', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            // PE in capitals is mostly gym class (code_in_capitals: false in the catalog); P.E.I. and PEI are names.
            if (word is { Length: 2 } && char.IsAsciiLetterUpper(word[0]) && char.IsAsciiLetterUpper(word[1]) && Regions.Any(r => r.Code == word && r.CodeInCapitals))
                found = word;
        }
        return found;
    }

    /// <summary>
    /// The region the person is in, from a folded message: the whole message as a name or code, else the names in
    /// it; of several, the last one a home word comes just before ("live"), else the last one not right after an away
    /// word ("from"), else the last one.
    /// </summary>
    public string? Recognize(string normalized) => Pick(normalized).Code;

    /// <summary>The whole folded message is one name, place or code ("shippagan", "red deer", "bc"): nothing else is said.</summary>
    public bool IsWholeName(string normalized) => _whole.ContainsKey(normalized);

    /// <summary>
    /// <see cref="Recognize"/>, and whether the message named more than one province or territory ("I live in Gatineau
    /// but work in Ottawa", "I moved from Alberta to BC"), from one reading of its names.
    /// </summary>
    public (string? Code, bool Several) Pick(string normalized)
    {
        if (normalized.Length == 0) return (null, false);
        if (_whole.TryGetValue(normalized, out var code)) return (code, false);
        var mentions = Mentions(TextNormalizer.Tokens(normalized));
        if (mentions.Count == 0) return (null, false);
        var several = mentions.Select(m => m.Code).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var present = mentions.Where(m => !m.Away).ToList();
        var home = present.Where(m => m.Home).ToList();
        // Two places and one is where the person lives: that one (a worker's services are also near home).
        if (home.Count > 0 && present.Select(m => m.Code).Distinct(StringComparer.Ordinal).Count() > 1) return (home[^1].Code, several);
        return ((present.Count > 0 ? present[^1] : mentions[^1]).Code, several);
    }

    /// <summary>Every region named, longest name first at each word ("saint john s" before "saint john").</summary>
    public List<RegionMention> Mentions(string[] words)
    {
        var found = new List<RegionMention>();
        for (var i = 0; i < words.Length; i++)
        {
            for (var n = Math.Min(_longestName, words.Length - i); n >= 1; n--)
            {
                var key = n == 1 ? words[i] : string.Join(' ', words, i, n);
                if (!_inSentence.TryGetValue(key, out var code) && (n > 1 || Misspelled(key) is not { } near || !_inSentence.TryGetValue(near, out code)))
                    continue;
                if (n == 1 && _slang.IsNoPlace(words, i)) continue;
                var away = (i >= 1 && _away.Contains(words[i - 1])) || (i >= 2 && _away.Contains(words[i - 2]));
                var home = Enumerable.Range(1, HomeWindow).Any(k => i >= k && _home.Contains(words[i - k]));
                found.Add(new RegionMention(code, i, away, home));
                i += n - 1;
                break;
            }
        }
        return found;
    }

    /// <summary>
    /// A one-word name of six letters or more typed one letter off ("ontaro", "saskatchewen", "vancover"), when only
    /// one name is that close; shorter names must be exact ("laval" is not "level").
    /// </summary>
    private string? Misspelled(string word)
    {
        if (word.Length < FuzzyMinLength || word.AsSpan().ContainsAnyExceptInRange('a', 'z')) return null;
        // Only names one letter shorter, as long or one longer can be one letter off; every word of every message that
        // names no place came here and tried all of them (1.8 % of the host's CPU samples). The answer does not depend
        // on the order names are tried in: one region's names, or none when two regions' names are that close.
        string? found = null;
        for (var length = word.Length - 1; length <= word.Length + 1; length++)
        {
            if (!_fuzzyNamesByLength.TryGetValue(length, out var names)) continue;
            foreach (var name in names)
            {
                if (!TokenSimilarity.Similar(word, name)) continue;
                if (found is not null && _inSentence[found] != _inSentence[name]) return null;
                found = name;
            }
        }
        return found;
    }

    private const int FuzzyMinLength = 6;

    /// <summary>How many words before a place a home word may be: "nakatira ako sa gatineau", "i live in gatineau".</summary>
    private const int HomeWindow = 3;

    /// <summary>The catalog's regions, in its order, with the names and places regions.yaml gives them.</summary>
    public static RegionCatalog Load(string path) => Load(path, BotCatalog.Default);

    public static RegionCatalog Load(string path, BotCatalog catalog)
    {
        var root = (YamlMappingNode)YamlReader.Read(path, File.ReadAllText(path)).Yaml!;
        var typed = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var entry in root.GetSeq("regions").OfType<YamlMappingNode>())
        {
            var code = entry.GetString("code") ?? "";
            if (catalog.FindRegion(code) is null || code == catalog.National.Code)
                throw new InvalidDataException($"{path}:{entry.Start.Line}: region '{code}' is not a province or territory of seeds/catalog.yaml ({string.Join(", ", catalog.RegionCodes)})");
            typed[code] = entry;
        }

        var regions = catalog.Regions
            .Select(r => typed.TryGetValue(r.Code, out var entry)
                ? new RegionDefinition(r.Code, r.Label, entry.GetStrings("names")) { Places = entry.GetStrings("places"), WholeMessageOnly = entry.GetStrings("whole_message"), Name = entry.GetStringMap("name") }
                : new RegionDefinition(r.Code, r.Label, []))
            .Select((d, i) => d with { Abbreviations = catalog.Regions[i].Abbreviations, CodeInCapitals = catalog.Regions[i].CodeInCapitals })
            .ToList();
        return new RegionCatalog(regions, root.GetStrings("away_words"), root.GetStrings("home_words"), RegionSlang.Read(root));
    }
}
