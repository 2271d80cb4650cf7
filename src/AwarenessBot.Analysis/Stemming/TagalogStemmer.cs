namespace AwarenessBot.Analysis.Stemming;

/// <summary>
/// A small Tagalog affix stripper: the verbal prefixes (mag-, nag-, pag-, ipa-, ipag-, pinag-, ika-, ma-, na-, pa-,
/// i-, ka-, maki-, naki-, nakaka-, makaka-), the infixes -in- and -um-, the suffixes -in/-hin/-an/-han/-nin/-nan and
/// the reduplicated first syllable: "ipopost" → post, "pinaghubad" → hubad, "babarilin" → baril, "sinaktan" → sakt
/// (stems are matching keys, not dictionary words). A stem keeps at least three letters.
/// </summary>
internal static class TagalogStemmer
{
    private const int MinStem = 3;

    // Longest first, so "pinag" wins over "pi..." and "ipag" over "i".
    private static readonly string[] Prefixes =
    [
        "nakakapag", "makakapag", "nakikipag", "makikipag", "pinapag", "ipinag", "nakaka", "makaka", "pinag", "ipag", "ipa", "pag", "mag",
        "nag", "naka", "maka", "naki", "maki", "ika", "pa", "ma", "na", "ka", "i",
    ];

    private static readonly string[] Suffixes = ["hin", "han", "nin", "nan", "in", "an"];

    public static string Stem(string word)
    {
        var stem = StripPrefix(word);
        stem = StripInfix(stem);
        stem = StripReduplication(stem);
        stem = StripSuffix(stem);
        return stem;
    }

    private static string StripPrefix(string word)
    {
        foreach (var prefix in Prefixes)
        {
            if (word.Length - prefix.Length >= MinStem + 1 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                // "pinaghubad": after "pinag" comes the root; "mag-post" arrives joined as "magpost".
                return word[prefix.Length..];
            }
        }

        return word;
    }

    /// <summary>-in- and -um- after the first consonant: "sinabi" → sabi, "bumili" → bili, "kinuha" → kuha.</summary>
    private static string StripInfix(string word)
    {
        if (word.Length >= MinStem + 3 && !IsVowel(word[0]) && word[1] is 'i' or 'u' && word[2] is 'n' or 'm' && IsVowel(word[3]))
        {
            var infix = word.Substring(1, 2);
            if (infix is "in" or "um")
            {
                return word[0] + word[3..];
            }
        }

        // Vowel-initial roots take in-/um- as a prefix: "inabuso" → abuso, "umalis" → alis.
        if (word.Length >= MinStem + 2 && (word.StartsWith("in", StringComparison.Ordinal) || word.StartsWith("um", StringComparison.Ordinal)) && IsVowel(word[2]))
        {
            return word[2..];
        }

        return word;
    }

    /// <summary>"popost" → post, "babaril" → baril, "susunugin" → sunugin: a repeated first (C)V syllable.</summary>
    /// <remarks>Six letters at least: "memes" is an English word, not a reduplicated "mes".</remarks>
    private static string StripReduplication(string word)
    {
        if (word.Length < 6)
        {
            return word;
        }

        if (word.Length >= MinStem + 2 && !IsVowel(word[0]) && IsVowel(word[1]) && word[2] == word[0] && word[3] == word[1])
        {
            return word[2..];
        }

        // Foreign roots reduplicate the first consonant with an "o"/"a" as well: "popost" → post.
        if (word.Length >= MinStem + 2 && !IsVowel(word[0]) && IsVowel(word[1]) && word[2] == word[0] && !IsVowel(word[3]))
        {
            return word[2..];
        }

        return word;
    }

    private static string StripSuffix(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= MinStem + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
