using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.Stemming;
using AwarenessBot.Catalog;

namespace AwarenessBot.Engine.Language;

/// <summary>
/// The engine's side of the one shared normaliser (seeds/triage/normalization.yaml, the same rules triage reads):
/// intents, button labels and messages all become words through it ("im 14 pls" → i am 14 please, "bf" → boyfriend,
/// "j'ai" → j ai), and every word gets its Snowball (en, fr, es) or Tagalog stem. Slots (places, numbers) read the
/// plainly folded text instead, because slang expansion would turn "bc" into "because".
/// </summary>
internal sealed class MessageWords
{
    private readonly MessageNormalizer? _normalizer;

    private MessageWords(MessageNormalizer? normalizer, string? rulesText = null)
    {
        _normalizer = normalizer;
        RulesText = rulesText;
    }

    /// <summary>
    /// The text of the normaliser rules these words were built from (null for <see cref="FoldOnly"/>): what a compiled
    /// form made with these words is keyed by (<see cref="Understanding.IntentCompiledForm"/>).
    /// </summary>
    public string? RulesText { get; }

    /// <summary>Folding only (no slang table): for tooling that has no seeds/triage, such as validating fixtures.</summary>
    public static MessageWords FoldOnly { get; } = new(null);

    public static MessageWords Load(string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, NormalizationRulesLoader.RelativePath);
        if (!File.Exists(path)) return FoldOnly;
        // Read once: the text is both the rules and the key of what is compiled with them.
        var text = File.ReadAllText(path);
        return new MessageWords(new MessageNormalizer(NormalizationRulesLoader.Parse(text, path)), text);
    }

    public string[] Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (_normalizer is null) return TextNormalizer.Tokens(TextNormalizer.Normalize(text));
        var tokens = _normalizer.Normalize(text).Tokens;
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            // The normaliser keeps accents' base letters and digits; anything else is a separator here.
            var folded = TextNormalizer.Normalize(token.Text);
            if (folded.Length == 0) continue;
            words.AddRange(folded.Split(' '));
        }
        return [.. words];
    }

    /// <summary>The word's stem in each supported language ("threatened" → threaten, "menacé" → menac).</summary>
    public static string[] Stems(string word)
    {
        var stems = new string[LocaleResolver.Supported.Count];
        for (var i = 0; i < stems.Length; i++)
        {
            var locale = LocaleResolver.Supported[i];
            var stem = WordStemmer.Stem(locale, word);
            stems[i] = CutsOnlyAVosotrosImperative(locale, word, stem) ? word : stem;
        }
        return stems;
    }

    /// <summary>
    /// The Spanish Snowball stemmer (the one seeds/catalog.yaml names for Spanish) cuts -ad, -ed and -id as the vosotros
    /// imperative ("comed", "venid"), a form Spanish speakers in Canada (mostly from the Americas) do not use; what it
    /// cuts instead are nouns and names: "Madrid" became "madr" and met "madre" (the Real Madrid score opened the
    /// educators' flow), and nouns in -dad and -tad lose their ending the same way. Such a word keeps its whole form as
    /// its stem. The shared stemmer (and so triage) is not changed.
    /// </summary>
    private static bool CutsOnlyAVosotrosImperative(string locale, string word, string stem) =>
        BotCatalog.Default.FindLocale(locale)?.Stemmer == StemmerNames.SnowballSpanish && stem.Length == word.Length - 2
        && (word.EndsWith("ad", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("id", StringComparison.Ordinal));
}
