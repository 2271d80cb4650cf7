using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.Patterns;

namespace AwarenessBot.Analysis.Risk;

/// <summary>
/// Runs every language's lexicon over the message (people mix languages), drops negated matches and matches that
/// overlap figurative speech, and keeps one signal per rule.
/// </summary>
internal sealed class RiskDetector
{
    private readonly RiskLexiconSet _lexicons;

    public RiskDetector(RiskLexiconSet lexicons)
    {
        _lexicons = lexicons;
    }

    public IReadOnlyList<RiskSignal> Detect(NormalizedText text)
    {
        if (text.TokenCount == 0)
        {
            return [];
        }

        var matches = new List<PatternMatch>();
        var scratch = new List<IndexedPattern>();
        var canonical = new string?[text.TokenCount];
        var elision = new int[text.TokenCount];
        foreach (var lexicon in _lexicons.Lexicons)
        {
            new LexiconMatcher(lexicon, text, canonical, elision, _lexicons.ClauseBreaks).FindAll(matches, scratch);
        }

        return ToSignals(text, matches) is { } signals ? signals : [];
    }

    private static List<RiskSignal>? ToSignals(NormalizedText text, List<PatternMatch> matches)
    {
        List<RiskSignal>? signals = null;
        foreach (var match in matches)
        {
            if (match.Entry.IsFigurative || match.Negated || OverlapsFigurative(match, matches))
            {
                continue;
            }

            signals ??= [];
            if (signals.Exists(s => s.RuleId == match.Entry.EntryId))
            {
                continue;
            }

            var rule = match.Entry.Rule!;
            var (start, length) = text.OriginalSpan(match.FirstToken, match.LastToken);
            signals.Add(new RiskSignal(rule.Category, rule.Severity, start, length, rule.Id));
        }

        return signals;
    }

    private static bool OverlapsFigurative(PatternMatch match, List<PatternMatch> matches)
    {
        foreach (var other in matches)
        {
            if (other.Entry.IsFigurative && other.FirstToken <= match.LastToken && match.FirstToken <= other.LastToken)
            {
                return true;
            }
        }

        return false;
    }
}
