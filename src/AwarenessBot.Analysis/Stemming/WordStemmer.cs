using AwarenessBot.Catalog;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace AwarenessBot.Analysis.Stemming;

/// <summary>
/// Reduces a normalised word to its stem in one language, so rules name stems ("menac" covers menace, menacé,
/// menacer) instead of word lists. English, French and Spanish use Lucene.Net's Snowball stemmers; Tagalog uses our
/// own affix stripper (Snowball has none). Which stemmer a locale uses is named in seeds/catalog.yaml
/// (<see cref="StemmerNames"/>). Words come in already folded (lower case, no accents).
/// </summary>
public static class WordStemmer
{
    // Snowball programs keep per-call state: one instance per thread and language.
    [ThreadStatic] private static SnowballProgram? _english;
    [ThreadStatic] private static SnowballProgram? _french;
    [ThreadStatic] private static SnowballProgram? _spanish;

    /// <summary>The stem of <paramref name="word"/> in <paramref name="locale"/>; unknown locales return the word.</summary>
    public static string Stem(string locale, string word)
    {
        if (word.Length < 3 || !IsAlphabetic(word))
        {
            return word;
        }

        return StemmerOf(locale) switch
        {
            StemmerNames.SnowballEnglish => Snowball(_english ??= new EnglishStemmer(), word),
            StemmerNames.SnowballFrench => Snowball(_french ??= new FrenchStemmer(), word),
            StemmerNames.SnowballSpanish => Snowball(_spanish ??= new SpanishStemmer(), word),
            StemmerNames.TagalogAffixes => TagalogStemmer.Stem(word),
            _ => word,
        };
    }

    /// <summary>True when the stemmer only changes a word's ending (Snowball), never its first letters (Tagalog strips prefixes).</summary>
    public static bool KeepsWordStart(string locale) =>
        StemmerOf(locale) is StemmerNames.SnowballEnglish or StemmerNames.SnowballFrench or StemmerNames.SnowballSpanish;

    private static string? StemmerOf(string locale) => BotCatalog.Default.FindLocale(locale)?.Stemmer;

    private static string Snowball(SnowballProgram program, string word)
    {
        program.SetCurrent(word);
        program.Stem();
        return program.Current;
    }

    private static bool IsAlphabetic(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
