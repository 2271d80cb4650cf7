namespace AwarenessBot.Content.Readability;

/// <summary>
/// A readability measure of one text group. Grade is a US/Canadian school-grade equivalent (comparable across
/// languages through the mappings in README.md); RawScore is the formula's own number (a grade for English and
/// Tagalog, a reading-ease score for French and Spanish).
/// </summary>
public sealed record ReadabilityScore(string Locale, string Formula, double RawScore, double Grade, int Words, int Sentences, int Syllables);
