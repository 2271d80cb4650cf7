using AwarenessBot.Analysis.Abstractions;

namespace AwarenessBot.Analysis.Frames;

internal enum GateScope { Message, ClauseBefore, ThreeBefore }

/// <summary>A gate: concepts that silence (or soften) a frame when present in its scope.</summary>
/// <param name="DeniedBy">Concepts that, just before the gate's own words, deny them ("he never gave it back" is not
/// "gave it back"): that occurrence gates nothing.</param>
internal sealed record GateDefinition(string Name, int[] Concepts, GateScope Scope, int[] Unless, int[] DeniedBy);

/// <summary>
/// A risk frame: each element is a set of concepts (any one present satisfies it); every element must be present.
/// </summary>
internal sealed record FrameDefinition(
    string Id,
    RiskCategory Category,
    RiskSeverity Severity,
    int[][] Elements,
    GateDefinition[] Gates,
    GateDefinition[] SoftenedBy)
{
    /// <summary>Whether the model's veto may drop this frame (seeds/triage/frames.yaml, <c>model_veto: false</c>).</summary>
    public bool Vetoable { get; init; } = true;

    /// <summary>
    /// The category whose high model reading turns this frame into a check-in (seeds/triage/frames.yaml,
    /// <c>yields_to_model</c>): "kill" words are as often about oneself ("me dicen q me mate", "kms").
    /// </summary>
    public RiskCategory? YieldsTo { get; init; }
}
