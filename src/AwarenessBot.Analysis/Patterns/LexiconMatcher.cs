using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Patterns;

/// <summary>
/// Runs one lexicon over one normalised message. Words are read through the lexicon's spelling map; a gap never
/// skips over a negation cue ("he will never hurt me") and no pattern crosses a clause break.
/// </summary>
internal sealed class LexiconMatcher
{
    /// <summary>Words looked back from a match for a negation cue ("not in danger", "didn't hurt me", "ne m'a pas frappée").</summary>
    private const int NegationWindow = 3;

    private readonly CompiledLexicon _lexicon;
    private readonly NormalizedText _text;
    private readonly string?[] _canonical;
    private readonly int[] _elision;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _clauseBreakWords;

    public LexiconMatcher(CompiledLexicon lexicon, NormalizedText text, string?[] canonicalBuffer, int[] elisionBuffer, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> clauseBreakWords)
    {
        _lexicon = lexicon;
        _text = text;
        _canonical = canonicalBuffer;
        _clauseBreakWords = clauseBreakWords;
        _elision = elisionBuffer;
        for (var i = 0; i < text.TokenCount; i++)
        {
            _canonical[i] = lexicon.Canonical(text.TokenText(i));
            _elision[i] = _canonical[i] is null ? lexicon.ElisionLength(text.TokenText(i), text.Tokens[i].ApostropheAfter) : 0;
        }
    }

    public void FindAll(List<PatternMatch> matches, List<IndexedPattern> scratch)
    {
        for (var start = 0; start < _text.TokenCount; start++)
        {
            scratch.Clear();
            _lexicon.CandidatesFor(Word(start), scratch);
            if (_elision[start] > 0)
            {
                _lexicon.CandidatesFor(Word(start)[_elision[start]..], scratch);
            }

            foreach (var entry in scratch)
            {
                var end = MatchFrom(entry.Pattern.Elements, 0, start, _text.Tokens[start].Clause);
                if (end > start)
                {
                    matches.Add(new PatternMatch(entry, start, end - 1, !entry.IsFigurative && IsNegated(start)));
                }
            }
        }
    }

    private ReadOnlySpan<char> Word(int token) => _canonical[token] is { } canonical ? canonical : _text.TokenText(token);

    /// <returns>The exclusive end token of the match, or -1.</returns>
    private int MatchFrom(PatternElement[] elements, int elementIndex, int token, int clause)
    {
        if (elementIndex == elements.Length)
        {
            return token;
        }

        var element = elements[elementIndex];
        for (var skip = 0; skip <= element.GapBefore; skip++)
        {
            var at = token + skip;
            if (at >= _text.TokenCount || _text.Tokens[at].Clause != clause)
            {
                break;
            }

            if (skip > 0 && _lexicon.IsNegation(Word(at - 1)))
            {
                break;
            }

            if (element.SingleWords.Contains(Word(at)) || (_elision[at] > 0 && element.SingleWords.Contains(Word(at)[_elision[at]..])))
            {
                var end = MatchFrom(elements, elementIndex + 1, at + 1, clause);
                if (end >= 0)
                {
                    return end;
                }
            }

            foreach (var alternative in element.OtherAlternatives)
            {
                if (Accepts(alternative, at, clause))
                {
                    var end = MatchFrom(elements, elementIndex + 1, at + alternative.Length, clause);
                    if (end >= 0)
                    {
                        return end;
                    }
                }
            }
        }

        return element.Optional ? MatchFrom(elements, elementIndex + 1, token, clause) : -1;
    }

    private bool Accepts(PatternWord[] words, int at, int clause)
    {
        if (at + words.Length > _text.TokenCount)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (_text.Tokens[at + i].Clause != clause)
            {
                return false;
            }

            var word = Word(at + i);
            if (!words[i].Accepts(word) && !(_elision[at + i] > 0 && words[i].Accepts(word[_elision[at + i]..])))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsNegated(int start)
    {
        var clause = _text.Tokens[start].Clause;
        for (var back = 1; back <= NegationWindow && start - back >= 0; back++)
        {
            var token = start - back;
            if (_text.Tokens[token].Clause != clause)
            {
                return false;
            }

            var word = Word(token);
            if (_lexicon.IsNegation(word))
            {
                return true;
            }

            if (_clauseBreakWords.Contains(word))
            {
                return false;
            }
        }

        return false;
    }
}
