using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// Which languages use each word of the intents (its phrases, whole-message words and stop words, per locale file),
/// and what counts whatever the language (seeds/intents/languages.yaml). With it the matcher knows the language a
/// message is written in, and a phrase of another language counts only for the words that language does not use
/// itself (or that are shared, or when its intent counts in any language):
/// "el Real Madrid" is not "are you real" (Spanish has "real" in its own phrases, which say what it means there), and
/// "mi patron" is read by the Spanish phrases, not by the French "mon patron"; a word the message's language does not
/// have ("el patron del paycheck") is the person switching language, and the other language's phrases read it.
/// </summary>
internal sealed class IntentLanguages
{
    /// <summary>What languages.yaml's absence means: every phrase counts in every language.</summary>
    public static readonly IntentLanguages None = new(
        new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal),
        new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal));

    public const string FileName = "languages.yaml";

    /// <summary>
    /// The exclusive words of another language a message needs, more than the conversation's own, before it is read
    /// as written in that language rather than the conversation's ("ok gracias" in English is still English; "mi
    /// patron no me paga" is Spanish).
    /// </summary>
    public const int OverrideVotes = 2;

    private readonly IReadOnlyDictionary<string, int> _written;
    private readonly IReadOnlyDictionary<string, int> _read;
    private readonly IReadOnlyDictionary<string, int> _mixesWith;

    /// <param name="written">Word → the locales whose file uses it anywhere (phrases, whole-message words, stop words).</param>
    /// <param name="read">Word → the locales whose phrases use it.</param>
    /// <param name="mixesWith">Locale → the locales (bits) whose phrases count in full in its messages.</param>
    public IntentLanguages(
        IReadOnlyDictionary<string, int> written, IReadOnlyDictionary<string, int> read,
        IReadOnlySet<string> anyLanguageIntents, IReadOnlySet<string> sharedWords, IReadOnlyDictionary<string, int> mixesWith,
        IReadOnlySet<string>? negations = null, IReadOnlySet<string>? languageRequests = null, IReadOnlySet<string>? hyphenPrefixes = null,
        IReadOnlySet<string>? beforeALanguage = null, IReadOnlySet<string>? theText = null)
    {
        BeforeALanguage = beforeALanguage ?? new HashSet<string>(StringComparer.Ordinal);
        TheText = theText ?? new HashSet<string>(StringComparer.Ordinal);
        HyphenPrefixes = hyphenPrefixes ?? new HashSet<string>(StringComparer.Ordinal);
        Negations = negations ?? new HashSet<string>(StringComparer.Ordinal);
        LanguageRequests = languageRequests ?? new HashSet<string>(StringComparer.Ordinal);
        _written = written;
        _read = read;
        AnyLanguageIntents = anyLanguageIntents;
        SharedWords = sharedWords;
        _mixesWith = mixesWith;
    }

    /// <summary>
    /// Words that say something is not so ("not", "pas", "no", "hindi"), normalised: a message that names two languages
    /// and one of these asks for one and says it does not speak the other (see <c>IntentMatcher.FirstLanguageNamed</c>).
    /// </summary>
    public IReadOnlySet<string> Negations { get; }

    /// <summary>
    /// Words right before a language's name that ask for something in it (languages.yaml text_in_a_language
    /// before_language: "in", "en", "sa"), normalised. See <c>IntentMatcher.TextAskedInALanguage</c>.
    /// </summary>
    public IReadOnlySet<string> BeforeALanguage { get; }

    /// <summary>
    /// Words that say what is asked for in that language is the bot's own text (text_in_a_language words: "this",
    /// "send", "version", "lo", "mandar"), normalised: "do you have this in French?" asks for the text, "a lawyer who
    /// speaks Spanish" qualifies a need.
    /// </summary>
    public IReadOnlySet<string> TheText { get; }

    /// <summary>Affixes written with a hyphen before a word that keeps its meaning (languages.yaml hyphen_prefixes: "nag-send").</summary>
    public IReadOnlySet<string> HyphenPrefixes { get; }

    /// <summary>
    /// The intents that ask for one language by name (languages.yaml language_requests): among them the first language
    /// named wins when a message names two with a negation (see <c>IntentMatcher.FirstLanguageNamed</c>).
    /// </summary>
    public IReadOnlySet<string> LanguageRequests { get; }

    /// <summary>Intents whose phrases count in any language (asking for Spanish is often written in Spanish).</summary>
    public IReadOnlySet<string> AnyLanguageIntents { get; }

    /// <summary>Words that mean the same in every language that uses them: a phrase of any language counts them.</summary>
    public IReadOnlySet<string> SharedWords { get; }

    /// <summary>Word → the locales whose file uses it (kept by <see cref="IntentCompiledForm"/>).</summary>
    internal IReadOnlyDictionary<string, int> Written => _written;

    /// <summary>Word → the locales whose phrases use it (kept by <see cref="IntentCompiledForm"/>).</summary>
    internal IReadOnlyDictionary<string, int> Read => _read;

    /// <summary>Locale → the locales whose phrases count in full in its messages (kept by <see cref="IntentCompiledForm"/>).</summary>
    internal IReadOnlyDictionary<string, int> MixesWith => _mixesWith;

    /// <summary>The locales (bits in <see cref="LocaleResolver.Supported"/> order) whose phrases use the word.</summary>
    public int ReadBy(string word) => _read.GetValueOrDefault(word);

    /// <summary>
    /// The locales whose phrases count in full in a message of <paramref name="language"/>: itself, and the languages
    /// its writers mix in freely (Tagalog as written in Canada is full of English words with their English meaning).
    /// </summary>
    public int CountsInFull(string? language) => Bit(language) | (language is null ? 0 : _mixesWith.GetValueOrDefault(language));

    public static int Bit(string? locale) => Index(locale) is var i and >= 0 ? 1 << i : 0;

    /// <summary>The locale's place in <see cref="LocaleResolver.Supported"/>, −1 if it is not one.</summary>
    private static int Index(string? locale)
    {
        if (locale is null) return -1;
        for (var i = 0; i < LocaleResolver.Supported.Count; i++)
        {
            if (string.Equals(LocaleResolver.Supported[i], locale, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The language a message is written in: the conversation's, unless the message's own words clearly say another
    /// (<see cref="OverrideVotes"/> words only that language uses, more than the conversation's language has); without
    /// a conversation language, the language most of its exclusive words belong to; null when nothing says.
    /// </summary>
    /// <param name="tokens">The message's words, stop words included (they carry the language best).</param>
    public string? Guess(string[] tokens, string? conversationLocale)
    {
        var locales = LocaleResolver.Supported;
        var votes = Votes(tokens);
        var best = -1;
        var tie = false;
        for (var i = 0; i < votes.Length; i++)
        {
            if (votes[i] == 0) continue;
            if (best < 0 || votes[i] > votes[best]) { best = i; tie = false; }
            else if (votes[i] == votes[best]) tie = true;
        }
        var conversation = LocaleResolver.IsSupported(conversationLocale) ? conversationLocale : null;
        if (conversation is not null)
        {
            var own = votes[Index(conversation)];
            return best >= 0 && !tie && votes[best] >= OverrideVotes && votes[best] > own ? locales[best] : conversation;
        }
        return best >= 0 && !tie ? locales[best] : null;
    }

    /// <summary>Per locale (<see cref="LocaleResolver.Supported"/> order), the message's words only that locale uses.</summary>
    public int[] Votes(string[] tokens)
    {
        var votes = new int[LocaleResolver.Supported.Count];
        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
        {
            var mask = _written.GetValueOrDefault(token);
            if (mask == 0 || (mask & (mask - 1)) != 0 || SharedWords.Contains(token)) continue;
            votes[System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
        }
        return votes;
    }

    /// <summary>
    /// The language a short message is plainly written in when the conversation's is another: some of its words only
    /// that language uses, none only the conversation's, and no other language as many ("salut" on an English page,
    /// "hola" where the browser said French). Null otherwise.
    /// </summary>
    public string? PlainlyWrittenIn(string[] tokens, string conversationLocale)
    {
        var votes = Votes(tokens);
        var own = Index(conversationLocale);
        if (own >= 0 && votes[own] > 0) return null;
        return Guess(tokens, null) is { } written && written != conversationLocale ? written : null;
    }

    /// <summary>languages.yaml hyphen_prefixes, folded.</summary>
    private static HashSet<string> HyphenPrefixesIn(YamlMappingNode root) =>
        root.GetStrings("hyphen_prefixes").Select(TextNormalizer.Normalize).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads languages.yaml (absent: nothing counts in any language, no language mixes another in).</summary>
    public static IntentLanguages Load(
        string intentsDirectory, IReadOnlyDictionary<string, int> written, IReadOnlyDictionary<string, int> read, MessageWords words)
    {
        var path = Path.Combine(intentsDirectory, FileName);
        return Load(path, File.Exists(path) ? File.ReadAllText(path) : null, written, read, words);
    }

    /// <summary>Reads languages.yaml's text (null: the file is absent).</summary>
    public static IntentLanguages Load(
        string path, string? text, IReadOnlyDictionary<string, int> written, IReadOnlyDictionary<string, int> read, MessageWords words)
    {
        var mixes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (text is null) return new IntentLanguages(written, read, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), mixes);
        var root = (YamlMappingNode)YamlReader.Read(path, text).Yaml!;
        var any = root.GetMap("any_language");
        var intents = (any?.GetStrings("intents") ?? []).ToHashSet(StringComparer.Ordinal);
        var shared = (any?.GetStrings("words") ?? []).SelectMany(words.Tokens).ToHashSet(StringComparer.Ordinal);
        if (root.GetMap("mixes_with") is { } mixMap)
        {
            foreach (var (key, value) in mixMap.Children)
            {
                if (key is not YamlScalarNode { Value: { } locale } || value is not YamlSequenceNode others) continue;
                mixes[locale] = others.Children.OfType<YamlScalarNode>().Aggregate(0, (bits, n) => bits | Bit(n.Value));
            }
        }
        // The words that say "not" themselves: "dont" is read as "do not", and "do" (a stop word of every question) is
        // no negation; a word counts when a listed entry is that word alone ("not", "pas", "hindi").
        var negations = root.GetStrings("negations").Select(words.Tokens).Where(t => t.Length == 1).Select(t => t[0]).ToHashSet(StringComparer.Ordinal);
        var requests = root.GetStrings("language_requests").ToHashSet(StringComparer.Ordinal);
        var textAsked = root.GetMap("text_in_a_language");
        return new IntentLanguages(written, read, intents, shared, mixes, negations, requests, HyphenPrefixesIn(root),
            OneWordEach(textAsked?.GetStrings("before_language") ?? [], words), OneWordEach(textAsked?.GetStrings("words") ?? [], words));
    }

    /// <summary>The entries that are one word once normalised, as that word.</summary>
    private static HashSet<string> OneWordEach(IEnumerable<string> entries, MessageWords words) =>
        entries.Select(words.Tokens).Where(t => t.Length == 1).Select(t => t[0]).ToHashSet(StringComparer.Ordinal);
}
