using System.Text.RegularExpressions;

namespace AwarenessBot.Content.Readability;

/// <summary>Words, sentences and syllables of a group of chat messages, after removing Markdown, links and placeholders.</summary>
internal sealed record TextStatistics(int Words, int Sentences, int Syllables)
{
    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;

    public double SyllablesPerWord => Words == 0 ? 0 : (double)Syllables / Words;
}

internal static partial class TextStatisticsCounter
{
    /// <summary>Each message ends a sentence even without final punctuation: chat messages are read one at a time.</summary>
    public static TextStatistics Count(IEnumerable<string> messages, Func<string, int> syllablesOf)
    {
        int words = 0, sentences = 0, syllables = 0;
        foreach (var message in messages)
        {
            foreach (var sentence in SentenceEnd().Split(Clean(message)))
            {
                var sentenceWords = WordPattern().Matches(sentence).Select(m => m.Value).ToList();
                if (sentenceWords.Count == 0)
                {
                    continue;
                }

                sentences++;
                words += sentenceWords.Count;
                syllables += sentenceWords.Sum(syllablesOf);
            }
        }

        return new TextStatistics(words, sentences, syllables);
    }

    /// <summary>Keeps what a reader reads: link text stays, URLs, placeholders and Markdown marks go.</summary>
    public static string Clean(string message)
    {
        var text = MarkdownLink().Replace(message, "$1");
        text = Placeholder().Replace(text, " ");
        if (AddressPrefilter.MayContainAddress(text))
        {
            text = Url().Replace(text, " ");
        }

        return text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\{service:[a-z0-9_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(https?://\S+|\b[\w.-]+\.(ca|com|org|net|gc\.ca)(/\S*)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[.!?…;:]+|\n+")]
    private static partial Regex SentenceEnd();

    // Letters with inner apostrophes or hyphens count as one word (l'école, mag-ingat); digits alone are not words.
    [GeneratedRegex(@"\p{L}+(?:['’\-]\p{L}+)*")]
    private static partial Regex WordPattern();
}
