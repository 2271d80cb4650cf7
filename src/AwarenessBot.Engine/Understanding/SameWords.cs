namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// Words that mean the same as a word the phrases use, per language (the <c>same_words</c> of
/// seeds/intents/&lt;locale&gt;.yaml): the matcher reads them as that word, so phrases need not list each one. "el
/// mayordomo no me paga" is read as "el patron no me paga", "the foreman kept my passport" as "the boss kept my
/// passport". Only the message's language's words (and those of languages it mixes in) are read so; a message whose
/// language is unknown reads every language's. The intent model still sees the words as typed.
/// </summary>
internal sealed class SameWords
{
    public static readonly SameWords None = new([]);

    /// <summary>Per entry: the locale's bit, the folded words typed, and the word the phrases use instead.</summary>
    private readonly IReadOnlyList<(int Locale, string[] Words, string[] Meaning)> _entries;

    /// <param name="entries">Per wording: its locale's bit, its folded words, the folded word the phrases use. Any order:
    /// longer wordings are tried first ("mero mero" before a one-word entry).</param>
    public SameWords(IEnumerable<(int Locale, string[] Words, string[] Meaning)> entries) =>
        _entries = [.. entries.Where(e => e.Words.Length > 0 && e.Meaning.Length > 0).OrderByDescending(e => e.Words.Length)];

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>The entries, longer wordings first (kept by <see cref="IntentCompiledForm"/>; the order is stable).</summary>
    internal IReadOnlyList<(int Locale, string[] Words, string[] Meaning)> Entries => _entries;

    /// <summary>The message's words with same-meaning words replaced by the word the phrases use.</summary>
    /// <param name="locales">The locales (bits) whose words are read; 0 for all.</param>
    public string[] Read(string[] tokens, int locales)
    {
        if (_entries.Count == 0 || tokens.Length == 0) return tokens;
        List<string>? result = null;
        for (var i = 0; i < tokens.Length;)
        {
            var replaced = false;
            foreach (var (locale, words, meaning) in _entries)
            {
                if ((locales != 0 && (locale & locales) == 0) || !StartsAt(tokens, i, words)) continue;
                result ??= [.. tokens[..i]];
                result.AddRange(meaning);
                i += words.Length;
                replaced = true;
                break;
            }
            if (replaced) continue;
            result?.Add(tokens[i]);
            i++;
        }
        return result is null ? tokens : [.. result];
    }

    private static bool StartsAt(string[] tokens, int at, string[] words)
    {
        if (at + words.Length > tokens.Length) return false;
        for (var j = 0; j < words.Length; j++)
        {
            if (!string.Equals(tokens[at + j], words[j], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
