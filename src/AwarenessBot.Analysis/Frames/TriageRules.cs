using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Frames;

/// <summary>Everything the rule side of triage needs, loaded and compiled once from <c>seeds/triage/</c>.</summary>
internal sealed record TriageRules(MessageNormalizer Normalizer, ConceptIndex Concepts, FrameEvaluator Frames, IReadOnlyList<string> Locales)
{
    public int EntryCount { get; init; }

    /// <summary>The gates that silence the model for a whole message (topic question, laughter, hyperbole).</summary>
    public IReadOnlyList<GateDefinition> MessageGates { get; init; } = [];
}
