using System.Globalization;
using AwarenessBot.Catalog;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Language;

/// <summary>What one message says about the person: a region, an age band, an audience. Never the number or the words.</summary>
internal sealed record MessageSlots(string? Region, string? AgeBand, string? Audience)
{
    public static readonly MessageSlots None = new(null, null, null);

    public bool IsEmpty => Region is null && AgeBand is null && Audience is null;

    /// <summary>One of the services just shown that the message names ("the lawyer", "la première"), else null.</summary>
    public ServiceNamed? Service { get; init; }

    /// <summary>With the region, the message asks what help there is there ("anything in Lethbridge?"): slots.yaml region_asks.</summary>
    public bool AsksWhatIsThere { get; init; }

    /// <summary>The message names several provinces or territories and <see cref="Region"/> is the one picked.</summary>
    public bool RegionPicked { get; init; }

    /// <summary>
    /// The whole message is one place's name, code or abbreviation ("shippagan", "red deer", "bc"): nothing else is
    /// said, so at the region question it is the answer, never a request beside it.
    /// </summary>
    public bool RegionIsWholeMessage { get; init; }

    /// <summary>The message names a kind of service ("the hotline", "un abogado"), whether or not one was shown.</summary>
    public bool NamesServiceKind { get; init; }
}

/// <summary>
/// A service of the list just shown, named by its kind (the directory's kind: "el abogado" is legal) or by its place
/// in the list (1 = the first, -1 = the last).
/// </summary>
internal sealed record ServiceNamed(string? Kind, int? Place);

/// <summary>
/// Reads slots from any message, in any of the four languages, with the cue words of seeds/intents/slots.yaml and
/// the names of seeds/intents/regions.yaml: "im 14" → 13-15, "13 na ako" → 13-15, "my boss" → worker,
/// "im in whitehorse" → YT, "I moved from Alberta to BC" → BC.
/// </summary>
internal sealed class SlotReader
{
    private readonly RegionCatalog _regions;
    private readonly string[][] _before;
    private readonly string[][] _after;
    private readonly List<(int Max, string Band)> _bands;
    private readonly List<(string[] Before, int Offset)> _grades;
    private readonly List<(string[] After, int Offset)> _gradesAfter;
    private readonly List<(string[] Words, string Band)> _stages;
    private readonly List<(string Audience, string[] Words)> _audience;
    private readonly List<(ServiceNamed Service, string[] Words)> _services;
    private readonly List<(string[] Words, string Digits)> _numberWords;
    private readonly string[][] _ofChild;
    private readonly string[][] _regionAsks;

    /// <summary>The intent a place named with a question about what is there raises (slots.yaml region_asks), else null.</summary>
    public string? RegionAskIntent { get; }

    public SlotReader(RegionCatalog regions, IEnumerable<string> before, IEnumerable<string> after,
        IEnumerable<(int Max, string Band)> bands, IEnumerable<(string Audience, string Phrase)> audience,
        IEnumerable<(string Before, int Offset)>? grades = null, IEnumerable<(string After, int Offset)>? gradesAfter = null,
        IEnumerable<(string Words, string Band)>? stages = null, IEnumerable<(ServiceNamed Service, string Phrase)>? services = null,
        IEnumerable<(string Words, int Number)>? numberWords = null, IEnumerable<string>? ofChild = null,
        string? regionAskIntent = null, IEnumerable<string>? regionAsks = null)
    {
        RegionAskIntent = regionAskIntent;
        _regionAsks = (regionAsks ?? []).Select(Words).Where(w => w.Length > 0).ToArray();
        _ofChild = (ofChild ?? []).Select(Words).Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToArray();
        _numberWords = (numberWords ?? []).Select(n => (Words(n.Words), n.Number.ToString(CultureInfo.InvariantCulture)))
            .Where(n => n.Item1.Length > 0).OrderByDescending(n => n.Item1.Length).ToList();
        _services = (services ?? []).Select(s => (s.Service, Words(s.Phrase))).Where(s => s.Item2.Length > 0)
            .OrderByDescending(s => s.Item2.Length).ToList();
        _grades = (grades ?? []).Select(g => (Words(g.Before), g.Offset)).Where(g => g.Item1.Length > 0)
            .OrderByDescending(g => g.Item1.Length).ToList();
        _gradesAfter = (gradesAfter ?? []).Select(g => (Words(g.After), g.Offset)).Where(g => g.Item1.Length > 0)
            .OrderByDescending(g => g.Item1.Length).ToList();
        _stages = (stages ?? []).Select(g => (Words(g.Words), g.Band)).Where(g => g.Item1.Length > 0)
            .OrderByDescending(g => g.Item1.Length).ToList();
        _regions = regions;
        _before = before.Select(Words).Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToArray();
        _after = after.Select(Words).Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToArray();
        _bands = bands.OrderBy(b => b.Max).ToList();
        _audience = audience.Select(a => (a.Audience, Words(a.Phrase))).Where(a => a.Item2.Length > 0).ToList();
    }

    public RegionCatalog Regions => _regions;

    /// <summary>The words allowed around a choice's number ("4 po", "the 4th one"): slots.yaml choice_numbers.</summary>
    public ChoiceNumberWords ChoiceNumbers { get; init; } = ChoiceNumberWords.None;

    /// <param name="bareNumberIsAge">The step asks for the age: "11" alone is an age.</param>
    public MessageSlots Read(string? raw, bool bareNumberIsAge = false)
    {
        var folded = TextNormalizer.Normalize(raw);
        if (folded.Length == 0) return MessageSlots.None;
        var tokens = TextNormalizer.Tokens(folded);
        var words = SplitAgeSuffixes(WithNumberWords(tokens));
        // "kamag-anak ko" (my relative) holds "anak ko" (my child): a phrase never starts or ends inside a hyphenated word.
        var partOf = HyphenatedWords.Positions(words, HyphenatedWords.In(raw), HyphenPrefixes);
        var service = ServiceIn(words, partOf);
        var (named, several) = _regions.Pick(folded);
        var region = named ?? CapitalCode(raw!);
        return new MessageSlots(region, Age(words, bareNumberIsAge), Audience(words, partOf))
        {
            Service = service,
            NamesServiceKind = service?.Kind is not null,
            RegionPicked = several,
            RegionIsWholeMessage = region is not null && _regions.IsWholeName(string.Join(' ', tokens)),
            AsksWhatIsThere = region is not null && Array.Exists(_regionAsks, ask => Enumerable.Range(0, words.Length).Any(i => StartsAt(words, i, ask))),
        };
    }

    /// <summary>The kind or place of a service the words name, longest wording first (see <see cref="ServiceNamed"/>).</summary>
    private ServiceNamed? ServiceIn(string[] words, int[] partOf)
    {
        foreach (var (service, phrase) in _services)
        {
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                if (StartsAt(words, i, phrase) && Whole(partOf, i, phrase.Length)) return service;
            }
        }
        return null;
    }

    /// <summary>"ON", "NS" in capitals inside a sentence, unless the whole message is in capitals ("ON MY WAY").</summary>
    private string? CapitalCode(string raw) => raw.Any(char.IsLower) ? _regions.CodeInCapitals(raw) : null;

    /// <summary>A band of slots.yaml ("13-15"): a question whose buttons are bands asks for an age.</summary>
    public bool IsBand(string? value) => value is not null && _bands.Exists(b => string.Equals(b.Band, value, StringComparison.Ordinal));

    /// <summary>The band of an age, or null outside 6 to 99.</summary>
    public string? BandOf(int age)
    {
        if (age is < 6 or > 99) return null;
        foreach (var (max, band) in _bands)
        {
            if (age <= max) return band;
        }
        return null;
    }

    /// <summary>At the age question, a number with at most this many other words is the age ("24 po", "19 plus").</summary>
    private const int BareAgeWords = 3;

    private string? Age(string[] words, bool bare)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (Number(words[i]) is not { } n) continue;
            foreach (var (cue, offset) in _grades)
            {
                if (EndsAt(words, i, cue)) return BandOf(n + offset);
            }
            foreach (var (cue, offset) in _gradesAfter)
            {
                if (StartsAt(words, i + 1, cue)) return BandOf(n + offset);
            }
            if (_before.Any(cue => EndsAt(words, i, cue)) || _after.Any(cue => StartsAt(words, i + 1, cue)) || AfterAChild(words, i)) return BandOf(n);
        }
        if (!bare) return null;
        var numbers = words.Select(Number).OfType<int>().ToList();
        if (words.Length <= BareAgeWords + 1 && numbers is [var only]) return BandOf(only);
        // "28, i work here on a permit", "16 i live in the yukon": the answer first, then something about the person.
        if (Number(words[0]) is { } first && BandOf(first) is { } answered) return answered;
        // "16-18 yung akin", "soy del grupo de 9 a 12": the band itself, typed.
        if (words.Length <= BareAgeWords + 4 && numbers is [var low, var high] && low < high && BandOf(low) is { } range && BandOf(high) == range)
            return range;
        // "voy en la prepa", "first year uni": a school stage answers the age question (nowhere else: "my college
        // roommate" is not an age).
        foreach (var (stage, band) in _stages)
        {
            for (var i = 0; i + stage.Length <= words.Length; i++)
            {
                if (StartsAt(words, i, stage)) return band;
            }
        }
        return null;
    }

    /// <summary>How many linking words (slots.yaml, of_child) may stand between the child named and the age.</summary>
    private const int ChildLinks = 2;

    /// <summary>
    /// The number at <paramref name="index"/> follows a child or students named and at most two linking words: "my
    /// daughter is 12", "mi hijo tiene 10", "my students are 14", "mes élèves ont 13".
    /// </summary>
    private bool AfterAChild(string[] words, int index)
    {
        if (_ofChild.Length == 0) return false;
        var at = index;
        for (var links = 0; ; links++)
        {
            foreach (var (audience, phrase) in _audience)
            {
                // The audiences whose phrases name a child or students ("my daughter", "mis alumnos"; catalog about_a_child).
                if (BotCatalog.Default.IsAboutAChild(audience) && EndsAt(words, at, phrase)) return true;
            }
            if (links == ChildLinks || Array.Find(_ofChild, cue => EndsAt(words, at, cue)) is not { } link) return false;
            at -= link.Length;
        }
    }

    private string? Audience(string[] words, int[] partOf)
    {
        foreach (var (audience, phrase) in _audience)
        {
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                if (StartsAt(words, i, phrase) && Whole(partOf, i, phrase.Length)) return audience;
            }
        }
        return null;
    }

    /// <summary>"seventeen", "dieciseis", "dix sept", "labing anim" → the number's digits (slots.yaml, number_words).</summary>
    private string[] WithNumberWords(string[] words)
    {
        if (_numberWords.Count == 0) return words;
        List<string>? result = null;
        for (var i = 0; i < words.Length; i++)
        {
            var found = _numberWords.FindIndex(n => StartsAt(words, i, n.Words));
            if (found < 0)
            {
                result?.Add(words[i]);
                continue;
            }
            result ??= [.. words[..i]];
            result.Add(_numberWords[found].Digits);
            i += _numberWords[found].Words.Length - 1;
        }
        return result is null ? words : [.. result];
    }

    private static int? Number(string word) =>
        word.Length is 1 or 2 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Ordinal endings dropped from a school year's number ("8th", "8vo", "1er", "2e"): slots.yaml ordinal_endings,
    /// the list a choice's number is read with too.</summary>
    public IReadOnlySet<string> OrdinalEndings { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Affixes written with a hyphen before a word that keeps its meaning (languages.yaml hyphen_prefixes).</summary>
    public IReadOnlySet<string> HyphenPrefixes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Words written glued to an age ("14yo", "15ans"): slots.yaml age glued_after.</summary>
    public IReadOnlySet<string> GluedAfter { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>"14yo", "15ans", "13yrs" → "14", "yo"; "8th", "8vo" → "8".</summary>
    private string[] SplitAgeSuffixes(string[] words)
    {
        var result = new List<string>(words.Length + 2);
        foreach (var word in words)
        {
            var digits = 0;
            while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
            if (digits is 1 or 2 && digits < word.Length && GluedAfter.Contains(word[digits..]))
            {
                result.Add(word[..digits]);
                result.Add(word[digits..]);
            }
            else if (digits is 1 or 2 && digits < word.Length && OrdinalEndings.Contains(word[digits..]))
            {
                result.Add(word[..digits]);
            }
            else
            {
                result.Add(word);
            }
        }
        return [.. result];
    }

    /// <summary>The words from <paramref name="at"/> on neither start nor end inside a hyphenated word (<see cref="HyphenatedWords.Positions"/>).</summary>
    private static bool Whole(int[] partOf, int at, int length)
    {
        var end = at + length;
        return !(at > 0 && partOf[at] >= 0 && partOf[at - 1] == partOf[at])
            && !(end < partOf.Length && partOf[end] >= 0 && partOf[end - 1] == partOf[end]);
    }

    private static bool EndsAt(string[] words, int index, string[] cue) => index - cue.Length >= 0 && StartsAt(words, index - cue.Length, cue);

    private static bool StartsAt(string[] words, int at, string[] cue)
    {
        if (at < 0 || at + cue.Length > words.Length) return false;
        for (var j = 0; j < cue.Length; j++)
        {
            if (!string.Equals(words[at + j], cue[j], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static string[] Words(string text) => TextNormalizer.Tokens(TextNormalizer.Normalize(text));

    /// <summary>
    /// slots.yaml of <paramref name="intentsDirectory"/>, with languages.yaml's hyphen prefixes as the intents catalog
    /// holds them (<see cref="Understanding.IntentLanguages.HyphenPrefixes"/>: the catalog has read that file already).
    /// </summary>
    public static SlotReader Load(string intentsDirectory, RegionCatalog regions, IReadOnlySet<string> hyphenPrefixes)
    {
        ArgumentNullException.ThrowIfNull(hyphenPrefixes);
        var path = Path.Combine(intentsDirectory, "slots.yaml");
        if (!File.Exists(path)) return new SlotReader(regions, [], [], [], []) { HyphenPrefixes = hyphenPrefixes };
        var root = (YamlMappingNode)YamlReader.Read(path, File.ReadAllText(path)).Yaml!;
        var age = root.GetMap("age");
        var bands = age is null ? [] : age.GetSeq("bands").OfType<YamlMappingNode>()
            .Select(b => (b.GetInt("max") ?? 0, b.GetString("band") ?? "")).ToList();
        var audience = new List<(string, string)>();
        if (root.GetMap("audience") is { } map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is not YamlScalarNode { Value: { } name } || value is not YamlSequenceNode seq) continue;
                audience.AddRange(seq.Children.OfType<YamlScalarNode>().Select(n => (name, n.Value ?? "")));
            }
        }
        var gradeRows = age?.GetSeq("grades").OfType<YamlMappingNode>().ToList() ?? [];
        var grades = gradeRows.SelectMany(g => (g.GetStrings("before") ?? []).Select(cue => (cue, g.GetInt("offset") ?? 0))).ToList();
        var gradesAfter = gradeRows.SelectMany(g => (g.GetStrings("after") ?? []).Select(cue => (cue, g.GetInt("offset") ?? 0))).ToList();
        var stages = age?.GetSeq("stages").OfType<YamlMappingNode>()
            .SelectMany(g => (g.GetStrings("words") ?? []).Select(w => (w, g.GetString("band") ?? ""))).ToList() ?? [];
        var numberWords = age?.GetSeq("number_words").OfType<YamlMappingNode>()
            .SelectMany(n => (n.GetStrings("words") ?? []).Select(w => (w, n.GetInt("number") ?? 0))).ToList() ?? [];
        var choices = root.GetMap("choice_numbers");
        var ordinalEndings = root.GetStrings("ordinal_endings");
        return new SlotReader(regions, age?.GetStrings("before") ?? [], age?.GetStrings("after") ?? [], bands, audience, grades, gradesAfter, stages,
            ServiceWords(root.GetMap("services")), numberWords, age?.GetStrings("of_child") ?? [],
            root.GetMap("region_asks")?.GetString("intent"), root.GetMap("region_asks")?.GetStrings("words") ?? [])
        {
            ChoiceNumbers = choices is null ? ChoiceNumberWords.None
                : new ChoiceNumberWords(choices.GetStrings("fillers") ?? [], ordinalEndings),
            OrdinalEndings = ordinalEndings.ToHashSet(StringComparer.Ordinal),
            GluedAfter = (age?.GetStrings("glued_after") ?? []).ToHashSet(StringComparer.Ordinal),
            HyphenPrefixes = hyphenPrefixes,
        };
    }

    /// <summary>The words that name one of the services just shown: by kind and by place in the list (slots.yaml, services).</summary>
    private static List<(ServiceNamed, string)> ServiceWords(YamlMappingNode? services)
    {
        var result = new List<(ServiceNamed, string)>();
        if (services is null) return result;
        if (services.GetMap("kinds") is { } kinds)
        {
            foreach (var (key, value) in kinds.Children)
            {
                if (key is not YamlScalarNode { Value: { } kind } || value is not YamlSequenceNode seq) continue;
                result.AddRange(seq.Children.OfType<YamlScalarNode>().Select(n => (new ServiceNamed(kind, null), n.Value ?? "")));
            }
        }
        foreach (var row in services.GetSeq("places").OfType<YamlMappingNode>())
        {
            var place = row.GetInt("place") ?? 0;
            result.AddRange(row.GetStrings("words").Select(w => (new ServiceNamed(null, place), w)));
        }
        return result;
    }
}
