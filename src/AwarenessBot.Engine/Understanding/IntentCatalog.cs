using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Understanding;

/// <summary>One training phrase, normalised, stop words removed: the unit the matcher explains its answers with.</summary>
internal sealed record IntentPhrase(string Intent, string Locale, string Text, string[] Tokens);

/// <summary>Phrases and whole-message words per intent and locale, from seeds/intents/&lt;locale&gt;.yaml.</summary>
internal sealed class IntentCatalog
{
    /// <summary>
    /// Intents the engine raises itself from slots rather than from phrases: a message that only names a place
    /// ("ontario", "im in whitehorse") or only states an age ("13 na ako"). Flows may trigger on them.
    /// </summary>
    public static readonly IReadOnlyList<string> SlotIntents = [RegionOnly, AgeOnly];

    public const string RegionOnly = "region_only";
    public const string AgeOnly = "age_only";

    /// <summary>
    /// The navigation corpus's label for text that asks nothing the bot does (gibberish, the weather, a joke). The
    /// model learns it so that such text is not pushed into the nearest topic; when it wins, the model says nothing.
    /// </summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>Classes the model may know that are not engine intents: the slot intents and out of scope.</summary>
    public static readonly IReadOnlyList<string> ModelOnlyClasses = [RegionOnly, AgeOnly, OutOfScope];

    /// <summary>Greetings, thanks and "ok": courtesy, not a request (as a first message they get the welcome).</summary>
    public static bool IsSmallTalk(string intent) => intent is "greeting" or "thanks" or "acknowledge";

    public IntentCatalog(
        IReadOnlyList<IntentPhrase> phrases, IReadOnlyDictionary<string, string> exact, IReadOnlySet<string> stopWords, MessageWords words,
        IntentLanguages? languages = null, SameWords? sameWords = null, IReadOnlySet<string>? questionWords = null)
    {
        QuestionWords = questionWords ?? new HashSet<string>(StringComparer.Ordinal);
        SameWords = sameWords ?? SameWords.None;
        Phrases = phrases;
        Exact = exact;
        StopWords = stopWords;
        Words = words;
        Languages = languages ?? IntentLanguages.None;
    }

    /// <summary>Which languages use each word, and what counts in any language (see <see cref="IntentLanguages"/>).</summary>
    public IntentLanguages Languages { get; }

    public IReadOnlyList<IntentPhrase> Phrases { get; }

    /// <summary>Words read as a word the phrases use, per language (see <see cref="Understanding.SameWords"/>).</summary>
    public SameWords SameWords { get; }

    /// <summary>Normalised whole message → intent ("stop", "arret", "english", "911").</summary>
    public IReadOnlyDictionary<string, string> Exact { get; }

    public IReadOnlySet<string> StopWords { get; }

    /// <summary>
    /// Words that only frame a question (question_words in seeds/intents/&lt;locale&gt;.yaml: "paano", "kung",
    /// "malalaman"): a phrase found only in part through them alone is not found (see <c>IntentMatcher</c>).
    /// </summary>
    public IReadOnlySet<string> QuestionWords { get; }

    public MessageWords Words { get; }

    public IEnumerable<string> Intents =>
        Phrases.Select(p => p.Intent).Concat(Exact.Values).Concat(SlotIntents).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The intent names the same files give when read with <see cref="MessageWords.FoldOnly"/> (what the flow checks
    /// know): <see cref="Intents"/> of a fold-only catalog, worked out in the same pass when <see cref="Words"/> is the
    /// normaliser's, so the data load reads seeds/intents once for both. They can differ from <see cref="Intents"/>: a
    /// phrase the normaliser empties is dropped here but not there, and two whole-message words can share a key in
    /// one reading and not in the other.
    /// </summary>
    public IReadOnlySet<string> FoldedIntentNames => _foldedIntentNames ??= Intents.ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _foldedIntentNames;

    public static IntentCatalog Load(string intentsDirectory, MessageWords? words = null) =>
        Load(intentsDirectory, words, CompiledFormCache.Shared);

    /// <param name="cache">
    /// Where the compiled catalog is kept (<see cref="IntentCompiledForm"/>: every phrase already tokenised), keyed by
    /// the texts of the locale files and languages.yaml, the normaliser rules' text and the builds of the code that
    /// reads and tokenises them: a start over unchanged files reads it instead of running every phrase through the
    /// normaliser. Only a catalog that loaded is kept.
    /// </param>
    internal static IntentCatalog Load(string intentsDirectory, MessageWords? words, CompiledFormCache cache)
    {
        words ??= MessageWords.FoldOnly;
        // Every text the catalog is made of, read once: the key is the hash of what is compiled.
        var files = LocaleResolver.Supported.Select(locale => Path.Combine(intentsDirectory, locale + ".yaml")).ToArray();
        var texts = files.Select(file => File.Exists(file) ? File.ReadAllText(file) : null).ToArray();
        var languagesPath = Path.Combine(intentsDirectory, IntentLanguages.FileName);
        var languagesText = File.Exists(languagesPath) ? File.ReadAllText(languagesPath) : null;
        var key = cache.IsEnabled
            ? CompiledFormCache.Key([
                IntentCompiledForm.Kind, CompiledFormCache.BuildOf(typeof(IntentCatalog).Assembly),
                CompiledFormCache.BuildOf(typeof(Analysis.Normalization.MessageNormalizer).Assembly),
                CompiledFormCache.BuildOf(typeof(YamlReader).Assembly), CompiledFormCache.BuildOf(typeof(Catalog.BotCatalog).Assembly),
                ReferenceEquals(words, MessageWords.FoldOnly) ? "fold-only" : "normaliser", words.RulesText, languagesText,
                .. files.SelectMany((file, i) => new[] { Path.GetFileName(file), texts[i] })])
            : null;
        if (key is not null && IntentCompiledForm.TryRead(cache.TryGet(key, IntentCompiledForm.Kind), words) is { } kept)
        {
            return kept;
        }

        var loaded = Compile(files, texts, languagesPath, languagesText, words);
        if (key is not null)
        {
            cache.Add(key, IntentCompiledForm.Kind, IntentCompiledForm.Write(loaded));
        }

        return loaded;
    }

    /// <summary>The fold-only names worked out by <see cref="Load(string, MessageWords?)"/>, null when left to <see cref="FoldedIntentNames"/>.</summary>
    internal IReadOnlySet<string>? KnownFoldedIntentNames => ReferenceEquals(Words, MessageWords.FoldOnly) ? null : _foldedIntentNames;

    /// <summary>A catalog read back from its compiled form, with the fold-only names it was kept with.</summary>
    internal static IntentCatalog FromCompiled(
        IReadOnlyList<IntentPhrase> phrases, IReadOnlyDictionary<string, string> exact, IReadOnlySet<string> stopWords, MessageWords words,
        IntentLanguages languages, SameWords sameWords, IReadOnlySet<string>? foldedIntentNames, IReadOnlySet<string> questionWords) =>
        new(phrases, exact, stopWords, words, languages, sameWords, questionWords) { _foldedIntentNames = foldedIntentNames };

    private static IntentCatalog Compile(string[] files, string?[] texts, string languagesPath, string? languagesText, MessageWords words)
    {
        var raw = new List<(string Intent, string Locale, string Text, string[] Tokens)>();
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var stop = new HashSet<string>(StringComparer.Ordinal);
        var question = new HashSet<string>(StringComparer.Ordinal);
        // Every word of a locale's file (phrases, whole-message words, stop words) says the message may be in that
        // locale; only its phrases' words say that its own phrases read the word (IntentLanguages).
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new Dictionary<string, int>(StringComparer.Ordinal);
        var same = new List<(int, string[], string[])>();
        // The fold-only reading's names (FoldedIntentNames), when this reading is another: a fold-only phrase is kept
        // when it has a word at all (ContentWords never empties one), a whole-message word under its folded key.
        var folded = ReferenceEquals(words, MessageWords.FoldOnly) ? null : new HashSet<string>(StringComparer.Ordinal);
        var foldedExact = folded is null ? null : new Dictionary<string, string>(StringComparer.Ordinal);
        static void Mark(Dictionary<string, int> masks, IEnumerable<string> tokens, string locale)
        {
            foreach (var token in tokens) masks[token] = masks.GetValueOrDefault(token) | IntentLanguages.Bit(locale);
        }
        for (var f = 0; f < files.Length; f++)
        {
            var file = files[f];
            if (texts[f] is not { } text) continue;
            var root = (YamlMappingNode)YamlReader.Read(file, text).Yaml!;
            if (root.GetMap("intents") is not { } intents) continue;
            var locale = root.GetString("locale") ?? Path.GetFileNameWithoutExtension(file);
            // Each text is tokenised once (the normaliser is the cost of a load): the tokens serve every use below.
            foreach (var word in root.GetStrings("stop_words"))
            {
                var tokens = words.Tokens(word);
                stop.UnionWith(tokens);
                Mark(written, tokens, locale);
            }
            foreach (var word in root.GetStrings("question_words"))
            {
                var tokens = words.Tokens(word);
                question.UnionWith(tokens);
                Mark(written, tokens, locale);
            }
            if (root.GetMap("same_words") is { } sameWords)
            {
                foreach (var (key, value) in sameWords.Children)
                {
                    if (key is not YamlScalarNode { Value: { } meaning } || value is not YamlSequenceNode typed) continue;
                    var meant = words.Tokens(meaning);
                    foreach (var word in typed.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? ""))
                    {
                        // The words typed say the message may be in this locale; the phrases read them as the meaning.
                        var tokens = words.Tokens(word);
                        same.Add((IntentLanguages.Bit(locale), tokens, meant));
                        Mark(written, tokens, locale);
                    }
                }
            }
            foreach (var (key, value) in intents.Children)
            {
                if (key is not YamlScalarNode { Value: { } intent } || value is not YamlMappingNode body) continue;
                foreach (var phrase in body.GetStrings("phrases"))
                {
                    var tokens = words.Tokens(phrase);
                    raw.Add((intent, locale, phrase, tokens));
                    if (folded is not null && MessageWords.FoldOnly.Tokens(phrase).Length > 0) folded.Add(intent);
                    Mark(written, tokens, locale);
                    Mark(read, tokens, locale);
                }
                foreach (var word in body.GetStrings("exact"))
                {
                    var tokens = words.Tokens(word);
                    exact[string.Join(' ', tokens)] = intent;
                    if (foldedExact is not null) foldedExact[string.Join(' ', MessageWords.FoldOnly.Tokens(word))] = intent;
                    Mark(written, tokens, locale);
                }
            }
        }
        var catalog = new IntentCatalog([], exact, stop, words);
        var phrases = raw
            .Select(r => new IntentPhrase(r.Intent, r.Locale, r.Text, catalog.ContentWords(r.Tokens)))
            .Where(p => p.Tokens.Length > 0)
            .ToList();
        var loaded = new IntentCatalog(phrases, exact, stop, words, IntentLanguages.Load(languagesPath, languagesText, written, read, words), new SameWords(same), question);
        if (folded is not null)
        {
            folded.UnionWith(foldedExact!.Values);
            folded.UnionWith(SlotIntents);
            loaded._foldedIntentNames = folded;
        }

        return loaded;
    }

    /// <summary>Content words of a text, through the shared normaliser; a text of stop words only keeps them.</summary>
    public string[] Tokenize(string text) => ContentWords(Words.Tokens(text));

    public string[] ContentWords(string[] tokens)
    {
        var kept = tokens.Where(t => !StopWords.Contains(t)).Distinct(StringComparer.Ordinal).ToArray();
        // A phrase made only of stop words ("help me") keeps its words rather than vanishing.
        return kept.Length > 0 ? kept : tokens.Distinct(StringComparer.Ordinal).ToArray();
    }
}
