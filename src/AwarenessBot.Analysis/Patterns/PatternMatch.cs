using AwarenessBot.Analysis.Risk;

namespace AwarenessBot.Analysis.Patterns;

/// <summary>A pattern that matched tokens [FirstToken, LastToken]; <see cref="Negated"/> when a negation cue precedes it in its clause.</summary>
internal readonly record struct PatternMatch(IndexedPattern Entry, int FirstToken, int LastToken, bool Negated);

/// <summary>A pattern in a lexicon's index, pointing to the rule or figurative entry it belongs to.</summary>
internal sealed record IndexedPattern(TokenPattern Pattern, string EntryId, CompiledRule? Rule)
{
    public bool IsFigurative => Rule is null;
}
