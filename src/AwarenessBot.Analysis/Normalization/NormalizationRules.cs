namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// The data behind <see cref="MessageNormalizer"/>, loaded from <c>seeds/triage/normalization.yaml</c>: leetspeak
/// digits, emoji → words, and SMS/slang spellings of every language merged into one table (people mix languages).
/// <see cref="NamesInCapitals"/> are slang keys that are also a name ("bc": because, or British Columbia).
/// </summary>
public sealed record NormalizationRules(
    IReadOnlyDictionary<char, char> Leet,
    IReadOnlyDictionary<string, string> Emoji,
    IReadOnlyDictionary<string, string[]> Slang,
    int LongestSlangKey,
    IReadOnlySet<string> NamesInCapitals);
