using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// "rights" → "Worker rights"; "I want to learn about trafficking" → "Learn about trafficking". A label wins when all
/// of it is in the message (and the message is mostly the label) or all of the message is in it (and it is mostly
/// the message), or two words and two thirds of both match; and no other button scores as well. "cambiar idioma" does not pick "Cambiar de empleador".
/// </summary>
internal static class FuzzyLabelMatch
{
    /// <param name="fewerWordsYield">The best label must find at least this many of the message's words, else none.</param>
    public static int Best(string[] words, IEnumerable<(int Choice, string Whole, string[] Words)> entries, int fewerWordsYield = 0)
    {
        if (words.Length == 0) return -1;
        var best = -1;
        var bestScore = 0.0;
        var bestFound = 0;
        var tie = false;
        foreach (var (choice, _, labelWords) in entries)
        {
            if (labelWords.Length == 0) continue;
            var matched = 0;
            foreach (var labelWord in labelWords)
            {
                foreach (var word in words)
                {
                    if (TokenSimilarity.Similar(word, labelWord)) { matched++; break; }
                }
            }
            if (matched == 0) continue;
            var labelCoverage = (double)matched / labelWords.Length;
            var messageCoverage = (double)Math.Min(matched, words.Length) / words.Length;
            // Either the whole label is in the message, or the whole message is in the label; half of the other at least.
            var whole = (labelCoverage >= 1 && messageCoverage >= 0.5) || (messageCoverage >= 1 && labelCoverage >= 0.5)
                || (matched >= 2 && labelCoverage >= 0.66 && messageCoverage >= 0.66);
            if (!whole) continue;
            var score = labelCoverage + messageCoverage;
            if (score > bestScore + 1e-9) { best = choice; bestScore = score; bestFound = Math.Min(matched, words.Length); tie = false; }
            else if (Math.Abs(score - bestScore) < 1e-9 && choice != best) tie = true;
        }
        return tie || bestFound < fewerWordsYield ? -1 : best;
    }
}
