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
        IEnumerable<string> negationCues,
        string[] elisionPrefixes)
    {
        ElisionPrefixes = elisionPrefixes;
        Locale = locale;
        Rules = rules;
        var byWord = new Dictionary<string, List<IndexedPattern>>(StringComparer.Ordinal);
        var byStem = new Dictionary<string, List<IndexedPattern>>(StringComparer.Ordinal);
        _minStem = int.MaxValue;
        foreach (var entry in patterns)
        {
            PatternCount++;
            foreach (var alternative in entry.Pattern.Elements[0].Alternatives)
            {
                var first = alternative[0];
                var index = first.IsStem ? byStem : byWord;
                if (!index.TryGetValue(first.Text, out var list))
                {
                    index[first.Text] = list = [];
                }

                list.Add(entry);
                if (first.IsStem)
                {
                    _minStem = Math.Min(_minStem, first.Text.Length);
                    _maxStem = Math.Max(_maxStem, first.Text.Length);
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

    /// <summary>French m', l', d', qu'...: "moblige" is also read as "oblige".</summary>
    public string[] ElisionPrefixes { get; }

    /// <summary>Length of the elided prefix ("m" of "m'oblige") when the apostrophe followed one of ours, else 0.</summary>
    public int ElisionLength(ReadOnlySpan<char> word, int apostropheAfter)
    {
        if (apostropheAfter == 0)
        {
            return 0;
        }

        foreach (var prefix in ElisionPrefixes)
        {
            if (prefix.Length == apostropheAfter && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return apostropheAfter;
            }
        }

        return 0;
    }

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
