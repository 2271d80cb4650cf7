using AwarenessBot.Catalog;

namespace AwarenessBot.Content.Readability;

/// <summary>
/// Grade-level estimates per language, the formula named by the locale in seeds/catalog.yaml (formulas and their
/// limits: Readability/README.md): Flesch–Kincaid grade (en); Kandel–Moles ease (fr) and Fernández Huerta ease (es),
/// both mapped to a grade with <see cref="EaseToGrade"/>; Flesch–Kincaid with vowel-count syllables and a syllable
/// offset (tl). A locale the catalog does not know is scored with Flesch–Kincaid.
/// </summary>
public static class ReadabilityCalculator
{
    /// <summary>Below this many words a grade formula says more about one long word than about the text (the formulas were built on 100-word samples); not scored.</summary>
    public const int MinimumWords = 20;

    /// <summary>Tagalog words carry about this many more syllables than English words of the same difficulty (affixes, spelling).</summary>
    internal const double TagalogSyllableOffset = 0.7;

    /// <summary>Scores a group of messages in one locale, or null when the text is too short to score.</summary>
    public static ReadabilityScore? Measure(string locale, IEnumerable<string> messages)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var definition = BotCatalog.Default.FindLocale(locale);
        var stats = TextStatisticsCounter.Count(messages, SyllableCounters.For(definition?.Syllables));
        if (stats.Words < MinimumWords)
        {
            return null;
        }

        return definition?.Readability switch
        {
            ReadabilityFormulas.KandelMoles => FromEase(locale, "Kandel-Moles", KandelMoles(stats), EaseToGrade.Map, stats),
            ReadabilityFormulas.FernandezHuerta => FromEase(locale, "Fernandez-Huerta", FernandezHuerta(stats), EaseToGrade.MapSpanish, stats),
            ReadabilityFormulas.FleschKincaidTagalog => FromGrade(locale, "Flesch-Kincaid (Tagalog syllables, offset)", TagalogGrade(stats), stats),
            _ => FromGrade(locale, "Flesch-Kincaid", FleschKincaidGrade(stats), stats),
        };
    }

    internal static double FleschKincaidGrade(TextStatistics s) => (0.39 * s.WordsPerSentence) + (11.8 * s.SyllablesPerWord) - 15.59;

    internal static double KandelMoles(TextStatistics s) => 207 - (1.015 * s.WordsPerSentence) - (73.6 * s.SyllablesPerWord);

    /// <summary>L = 206.84 − 0.60·P − 1.02·F, P syllables per 100 words, F sentences per 100 words.</summary>
    internal static double FernandezHuerta(TextStatistics s) =>
        206.84 - (0.60 * 100 * s.SyllablesPerWord) - (1.02 * 100 / Math.Max(s.WordsPerSentence, 1e-9));

    internal static double TagalogGrade(TextStatistics s) =>
        (0.39 * s.WordsPerSentence) + (11.8 * Math.Max(0, s.SyllablesPerWord - TagalogSyllableOffset)) - 15.59;

    private static ReadabilityScore FromGrade(string locale, string formula, double grade, TextStatistics s) =>
        new(locale, formula, Math.Round(grade, 1), Math.Round(Math.Max(0, grade), 1), s.Words, s.Sentences, s.Syllables);

    private static ReadabilityScore FromEase(string locale, string formula, double ease, Func<double, double> toGrade, TextStatistics s) =>
        new(locale, formula, Math.Round(ease, 1), Math.Round(toGrade(ease), 1), s.Words, s.Sentences, s.Syllables);
}
