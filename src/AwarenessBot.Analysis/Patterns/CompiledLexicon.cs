using AwarenessBot.Analysis.Risk;

namespace AwarenessBot.Analysis.Patterns;

/// <summary>
/// One language's lexicon, indexed by first word so a message only tries the patterns that can start at each word.
/// Built once at load; read concurrently afterwards.
/// </summary>
internal sealed class CompiledLexicon
{
    private readonly Dictionary<string, List<IndexedPattern>>.AlternateLookup<ReadOnlySpan<char>> _byWord;
    private readonly Dictionary<string, List<IndexedPattern>>.AlternateLookup<ReadOnlySpan<char>> _byStem;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spelling;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _negations;
    private readonly int _minStem;
    private readonly int _maxStem;

    public CompiledLexicon(
        string locale,
        IReadOnlyList<CompiledRule> rules,
        IEnumerable<IndexedPattern> patterns,
        IReadOnlyDictionary<string, string> spelling,
        IEnumerable<string> negationCues)
    {
        Locale = locale;
        Rules = rules;
        var byWord = new Dictionary<string, List<IndexedPattern>>(StringComparer.Ordinal);
        var byStem = new Dictionary<string, List<IndexedPattern>>(StringComparer.Ordinal);
        _minStem = int.MaxValue;
        foreach (var entry in patterns)
        {
            PatternCount++;
            var first = entry.Pattern.Elements[0];
            for (var i = 0; i < first.Words.Length; i++)
            {
                var index = first.IsStem[i] ? byStem : byWord;
                if (!index.TryGetValue(first.Words[i], out var list))
                {
                    index[first.Words[i]] = list = [];
                }

                list.Add(entry);
                if (first.IsStem[i])
                {
                    _minStem = Math.Min(_minStem, first.Words[i].Length);
                    _maxStem = Math.Max(_maxStem, first.Words[i].Length);
                }
            }
        }

        _byWord = byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _byStem = byStem.GetAlternateLookup<ReadOnlySpan<char>>();
        _spelling = new Dictionary<string, string>(spelling, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _negations = new HashSet<string>(negationCues, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Locale { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    public int PatternCount { get; }

    /// <summary>SMS and typo spellings of this language ("u" → "you"); null when the word is already canonical.</summary>
    public string? Canonical(ReadOnlySpan<char> word) => _spelling.TryGetValue(word, out var canonical) ? canonical : null;

    public bool IsNegation(ReadOnlySpan<char> word) => _negations.Contains(word);

    public void CandidatesFor(ReadOnlySpan<char> word, List<IndexedPattern> into)
    {
        if (_byWord.TryGetValue(word, out var exact))
        {
            into.AddRange(exact);
        }

        var longest = Math.Min(word.Length, _maxStem);
        for (var length = _minStem; length <= longest; length++)
        {
            if (_byStem.TryGetValue(word[..length], out var stems))
            {
                into.AddRange(stems);
            }
        }
    }
}
