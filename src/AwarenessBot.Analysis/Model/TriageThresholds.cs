namespace AwarenessBot.Analysis.Model;

/// <summary>
/// Per-class probability thresholds, calibrated on the development split: at or above <see cref="High"/> the model alone
/// may raise the crisis reply (aimed at precision ≥ 0.95); at or above <see cref="CheckIn"/> it asks "are you safe?"
/// (aimed at recall ≥ 0.95 with few false alarms on harmless messages). <see cref="CheckIn"/> ≤ <see cref="High"/>.
/// </summary>
public readonly record struct TriageThresholds(float High, float CheckIn)
{
    /// <summary>Never fires (the <c>none</c> class, or a class the development split could not calibrate).</summary>
    public static TriageThresholds Never { get; } = new(float.PositiveInfinity, float.PositiveInfinity);

    public TriageSeverity Severity(float probability) =>
        probability >= High ? TriageSeverity.High : probability >= CheckIn ? TriageSeverity.CheckIn : TriageSeverity.None;
}

/// <summary>How strongly the model points at a risk class.</summary>
public enum TriageSeverity
{
    None = 0,
    CheckIn = 1,
    High = 2,
}
