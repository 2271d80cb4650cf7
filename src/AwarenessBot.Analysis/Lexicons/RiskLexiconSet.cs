using AwarenessBot.Analysis.Patterns;

namespace AwarenessBot.Analysis.Lexicons;

/// <summary>Every language's compiled lexicon plus the words that end a clause for negation look-back.</summary>
internal sealed class RiskLexiconSet
{
    public RiskLexiconSet(IReadOnlyList<CompiledLexicon> lexicons, IEnumerable<string> clauseBreaks)
    {
        Lexicons = lexicons;
        ClauseBreaks = new HashSet<string>(clauseBreaks, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<CompiledLexicon> Lexicons { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseBreaks { get; }

    public int RuleCount => Lexicons.Sum(l => l.Rules.Count);

    public int PatternCount => Lexicons.Sum(l => l.PatternCount);
}
