using System.Globalization;
using System.Text;

namespace AwarenessBot.Analysis.Model.Training;

/// <summary>
/// Extra training copies of a line written the way people really type: accents dropped, lower-cased, punctuation
/// removed, one typo (swap, drop or duplicate of a letter) in a word of five letters or more, and one word elongated
/// ("pleeease"). The random choices depend on the seed and the line only, so adding lines never changes the copies of
/// others. Copies equal to the original are left out (the normaliser would make several of them identical anyway).
/// </summary>
public static class TrainingAugmenter
{
    public static IReadOnlyList<string> Variants(string text, ulong seed, int typoCopies = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        var random = new DeterministicRandom(seed ^ FeatureHash.Hash(0, text));
        var variants = new List<string>
        {
            DropAccents(text),
            text.ToLowerInvariant(),
            RemovePunctuation(text),
        };
        for (var i = 0; i < typoCopies; i++)
        {
            variants.Add(Typo(text, random));
        }

        variants.Add(Elongate(text, random));
        return [.. variants.Where(v => v != text && v.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    public static string DropAccents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Punctuation and apostrophes dropped ("j'ai" → jai, "didn't" → didnt); emoji and symbols kept.</summary>
    public static string RemovePunctuation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsPunctuation(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>One swap of neighbours, drop or duplicate of a letter inside a random word of 5+ letters.</summary>
    internal static string Typo(string text, DeterministicRandom random)
    {
        var words = Words(text).Where(w => w.Length >= 5).ToList();
        if (words.Count == 0)
        {
            return text;
        }

        var (start, length) = words[random.Next(words.Count)];
        var chars = text.ToCharArray();
        var at = start + 1 + random.Next(length - 2); // keep the first letter, as most typos do
        var builder = new StringBuilder(text.Length + 1);
        builder.Append(chars, 0, at);
        switch (random.Next(3))
        {
            case 0: // swap with the next letter
                builder.Append(chars[at + 1]).Append(chars[at]).Append(chars, at + 2, chars.Length - at - 2);
                break;
            case 1: // drop
                builder.Append(chars, at + 1, chars.Length - at - 1);
                break;
            default: // duplicate
                builder.Append(chars[at]).Append(chars, at, chars.Length - at);
                break;
        }

        return builder.ToString();
    }

    /// <summary>A vowel (or the last letter) of a random word repeated three to five times.</summary>
    internal static string Elongate(string text, DeterministicRandom random)
    {
        var words = Words(text).ToList();
        if (words.Count == 0)
        {
            return text;
        }

        var (start, length) = words[random.Next(words.Count)];
        var at = start + length - 1;
        for (var i = start + length - 1; i >= start; i--)
        {
            if ("aeiouyAEIOUY".Contains(text[i], StringComparison.Ordinal))
            {
                at = i;
                break;
            }
        }

        return string.Concat(text.AsSpan(0, at), new string(text[at], 3 + random.Next(3)), text.AsSpan(at + 1));
    }

    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
