using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// Matches a message against every phrase of every locale through an index built once: word → phrases, and
/// 3-letter bucket → vocabulary for similar words (stems and typos). Per turn it only touches the phrases that share
/// a word with the message, so it stays well under a millisecond with thousands of phrases.
/// </summary>
internal sealed class IntentMatcher
{
    /// <summary>The weakest match we act on: one whole one-word phrase ("passport"), or two words of a longer one.</summary>
    public const double Threshold = 1.5;

    private readonly IntentCatalog _catalog;
    private readonly string[] _vocabulary;
    private readonly Dictionary<string, int[]> _bucketToWords = new(StringComparer.Ordinal);
    private readonly int[][] _wordToPhrases;

    public IntentMatcher(IntentCatalog catalog)
    {
        _catalog = catalog;
        var vocabulary = catalog.Phrases.SelectMany(p => p.Tokens).Distinct(StringComparer.Ordinal).ToArray();
        _vocabulary = vocabulary;
        var wordIndex = vocabulary.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        foreach (var group in vocabulary.Select((w, i) => (w, i)).GroupBy(x => TokenSimilarity.Bucket(x.w), StringComparer.Ordinal))
            _bucketToWords[group.Key] = group.Select(x => x.i).ToArray();
        var lists = vocabulary.Select(_ => new List<int>()).ToArray();
        for (var p = 0; p < catalog.Phrases.Count; p++)
        {
            foreach (var token in catalog.Phrases[p].Tokens) lists[wordIndex[token]].Add(p);
        }
        _wordToPhrases = lists.Select(l => l.ToArray()).ToArray();
    }

    public IntentCatalog Catalog => _catalog;

    /// <summary>The best match per intent, strongest first (only those at or above <see cref="Threshold"/>).</summary>
    public IReadOnlyList<IntentMatch> Match(string normalized)
    {
        if (normalized.Length == 0) return [];
        if (_catalog.Exact.TryGetValue(normalized, out var exactIntent))
            return [new IntentMatch(exactIntent, 100, normalized, "*")];

        var tokens = TextNormalizer.Tokens(normalized);
        var phraseHits = new Dictionary<int, int>();
        var seenWords = new HashSet<int>();
        foreach (var token in tokens)
        {
            if (_catalog.StopWords.Contains(token)) continue;
            if (!_bucketToWords.TryGetValue(TokenSimilarity.Bucket(token), out var candidates)) continue;
            foreach (var word in candidates)
            {
                if (!TokenSimilarity.Similar(token, _vocabulary[word]) || !seenWords.Add(word)) continue;
                foreach (var phrase in _wordToPhrases[word])
                    phraseHits[phrase] = phraseHits.GetValueOrDefault(phrase) + 1;
            }
        }
        return Rank(phraseHits);
    }

    private List<IntentMatch> Rank(Dictionary<int, int> phraseHits)
    {
        var best = new Dictionary<string, IntentMatch>(StringComparer.Ordinal);
        foreach (var (index, hits) in phraseHits)
        {
            var phrase = _catalog.Phrases[index];
            var size = phrase.Tokens.Length;
            var complete = hits >= size;
            // A partial match needs two words and most of the phrase: "boss passport" for "boss kept my passport".
            if (!complete && (hits < 2 || hits * 3 < size * 2)) continue;
            var score = Math.Min(hits, size) + (complete ? 0.5 : 0);
            if (score < Threshold) continue;
            if (!best.TryGetValue(phrase.Intent, out var current) || current.Score < score)
                best[phrase.Intent] = new IntentMatch(phrase.Intent, score, phrase.Text, phrase.Locale);
        }
        var result = best.Values.ToList();
        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        return result;
    }
}
