using AwarenessBot.Catalog;

namespace AwarenessBot.Content.Readability;

/// <summary>Heuristic syllable counters per language. Accuracy notes are in Readability/README.md.</summary>
internal static class SyllableCounters
{
    /// <summary>The counter a locale names in seeds/catalog.yaml (<see cref="SyllableCounterNames"/>); none: English.</summary>
    public static Func<string, int> For(string? counter) => counter switch
    {
        SyllableCounterNames.French => French,
        SyllableCounterNames.Spanish => Spanish,
        SyllableCounterNames.Tagalog => Tagalog,
        _ => English,
    };

    /// <summary>Vowel groups (a e i o u y), minus a silent final e, plus "-le" after a consonant; at least one.</summary>
    public static int English(string word)
    {
        var w = word.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal);
        if (w.Length <= 3)
        {
            return 1;
        }

        var count = VowelGroups(w, "aeiouy");
        var consonantLe = w.EndsWith("le", StringComparison.Ordinal) && !IsVowel(w[^3], "aeiouy");
        if (w.EndsWith('e') && !consonantLe && !w.EndsWith("ee", StringComparison.Ordinal))
        {
            // A silent final e ("make", "tale"); "table" keeps its -le syllable.
            count--;
        }

        if ((w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
            && w.Length > 4 && !IsVowel(w[^3], "aeiouy") && w[^3] is not ('t' or 'd' or 's' or 'x' or 'z' or 'c' or 'g'))
        {
            count--;
        }

        return Math.Max(1, count);
    }

    /// <summary>Vowel groups with accented vowels; a final mute e/es/ent after a consonant is not counted.</summary>
    public static int French(string word)
    {
        var w = word.ToLowerInvariant();
        const string vowels = "aeiouyàâäéèêëîïôöùûüœæ";
        var count = VowelGroups(w, vowels);
        var mute = w.EndsWith("ent", StringComparison.Ordinal) && w.Length > 4 ? 3
            : w.EndsWith("es", StringComparison.Ordinal) && w.Length > 3 ? 2
            : w.EndsWith('e') && w.Length > 2 ? 1
            : 0;
        if (mute > 0 && count > 1 && !IsVowel(w[^(mute + 1)], vowels))
        {
            count--;
        }

        return Math.Max(1, count);
    }

    /// <summary>One syllable per vowel nucleus; two strong vowels (a e o, or an accented í ú) side by side are two syllables (hiatus).</summary>
    public static int Spanish(string word)
    {
        var w = word.ToLowerInvariant();
        const string vowels = "aeiouáéíóúü";
        const string strong = "aeoáéóíú";
        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (!IsVowel(w[i], vowels))
            {
                continue;
            }

            var startsNucleus = i == 0 || !IsVowel(w[i - 1], vowels) || (IsVowel(w[i], strong) && IsVowel(w[i - 1], strong));
            if (startsNucleus)
            {
                count++;
            }
        }

        // A final y after a vowel is part of a diphthong ("hoy", "muy"), so it adds nothing.
        return Math.Max(1, count);
    }

    /// <summary>Tagalog spelling writes one vowel letter per syllable (diphthongs are spelt aw, ay, iw, oy), so count vowels.</summary>
    public static int Tagalog(string word) => Math.Max(1, word.ToLowerInvariant().Count(c => IsVowel(c, "aeiou")));

    private static int VowelGroups(string word, string vowels)
    {
        var count = 0;
        var previousVowel = false;
        foreach (var c in word)
        {
            var vowel = IsVowel(c, vowels);
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        return count;
    }

    private static bool IsVowel(char c, string vowels) => vowels.Contains(c, StringComparison.Ordinal);
}
