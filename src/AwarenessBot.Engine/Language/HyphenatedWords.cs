namespace AwarenessBot.Engine.Language;

/// <summary>
/// Words written with a hyphen inside them ("kamag-anak", "non-emergency", "dix-sept"), each as its folded parts in
/// order. Folding turns the hyphen into a space, so "kamag-anak ko" (my relative) reads as the words "kamag anak ko",
/// where the shorter "anak ko" (my child) would be found; with these, a phrase that reads one part of such a word
/// must read all of it (<see cref="Understanding.IntentMatcher"/>, <see cref="SlotReader"/>).
/// </summary>
internal static class HyphenatedWords
{
    /// <summary>Hyphen, non-breaking hyphen, hyphen and minus signs.</summary>
    private static readonly char[] Hyphens = ['-', '\u2010', '\u2011', '\u2012', '\u2212'];

    /// <summary>The hyphenated words of a message as typed; a number among the parts ("9-12", "covid-19") is no such word.</summary>
    public static IReadOnlyList<string[]> In(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.IndexOfAny(Hyphens) < 0) return [];
        var result = new List<string[]>();
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i <= raw.Length; i++)
        {
            var ch = i < raw.Length ? raw[i] : ' ';
            if (char.IsLetterOrDigit(ch) || (ch == '\'' && start >= 0))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) parts.Add(raw[start..i]);
            start = -1;
            var joins = Array.IndexOf(Hyphens, ch) >= 0 && parts.Count > 0 && i > 0 && char.IsLetterOrDigit(raw[i - 1])
                && i + 1 < raw.Length && char.IsLetterOrDigit(raw[i + 1]);
            if (joins) continue;
            if (parts.Count >= 2) Add(result, parts);
            parts.Clear();
        }
        return result;
    }

    private static void Add(List<string[]> result, List<string> parts)
    {
        var words = parts.SelectMany(p => TextNormalizer.Tokens(TextNormalizer.Normalize(p))).ToArray();
        if (words.Length >= 2 && !Array.Exists(words, w => w.All(char.IsAsciiDigit))) result.Add(words);
    }

    /// <summary>
    /// Where each hyphenated word stands in the message's words: per word, the index of its hyphenated word, or −1. A
    /// part that only binds to the next is not one of its words: an affix of <paramref name="prefixes"/> (Tagalog
    /// "nag-send", "i-block", "mag-work": the English verb is the word) or a syllable said twice ("nagcha-chat",
    /// "nagsa-send"); a hyphenated word left with one part is none.
    /// </summary>
    public static int[] Positions(string[] words, IReadOnlyList<string[]> hyphenated, IReadOnlySet<string>? prefixes = null)
    {
        var of = new int[words.Length];
        Array.Fill(of, -1);
        for (var h = 0; h < hyphenated.Count; h++)
        {
            var parts = hyphenated[h];
            for (var i = 0; i + parts.Length <= words.Length; i++)
            {
                if (of[i] >= 0 || !Same(words, i, parts)) continue;
                var kept = 0;
                for (var j = 0; j < parts.Length; j++)
                {
                    if (j + 1 < parts.Length && (prefixes?.Contains(parts[j]) == true || Reduplicated(parts[j], parts[j + 1]))) continue;
                    of[i + j] = h;
                    kept++;
                }
                if (kept < 2)
                {
                    for (var j = 0; j < parts.Length; j++) of[i + j] = -1;
                }
                break;
            }
        }
        return of;
    }

    /// <summary>The part ends with the start of the next one, two letters or more: "cha" in "cha-chat", "nagsa" in "nagsa-send".</summary>
    private static bool Reduplicated(string part, string next)
    {
        for (var k = Math.Min(part.Length, next.Length - 1); k >= 2; k--)
        {
            if (part.AsSpan(part.Length - k).SequenceEqual(next.AsSpan(0, k))) return true;
        }
        return false;
    }

    private static bool Same(string[] words, int at, string[] parts)
    {
        for (var j = 0; j < parts.Length; j++)
        {
            if (!string.Equals(words[at + j], parts[j], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
