namespace AwarenessBot.Analysis.Model.Training;

/// <summary>Settings of <see cref="TriageTrainer"/>; the defaults trained <c>seeds/models/triage.model</c>.</summary>
public sealed record TriageTrainingOptions
{
    public ulong Seed { get; init; } = 20261205;

    public int Epochs { get; init; } = 12;

    /// <summary>AdaGrad's base step.</summary>
    public float LearningRate { get; init; } = 0.2f;

    /// <summary>L2 penalty, applied to the weights a training example touches (lazy, AdaGrad-scaled).</summary>
    public float L2 { get; init; } = 1e-3f;

    /// <summary>Add the augmented copies of <see cref="TrainingAugmenter"/>.</summary>
    public bool Augment { get; init; } = true;

    public int TypoCopies { get; init; } = 2;

    /// <summary>1 = balanced (each head's positives weigh as much as its negatives), 0.5 = square root of that, 0 = none.</summary>
    public float ClassWeightPower { get; init; } = 0.5f;

    /// <summary>Cap of the class weight that keeps rare positives from being swamped (balanced weighting otherwise).</summary>
    public float MaxClassWeight { get; init; } = 20f;

    /// <summary>With the rules' concept classes (stop 30: on nine blind splits never trained on, recall +0.003 danger, +0.007 CSE, false alarms −0.001).</summary>
    public TriageFeatureSettings Features { get; init; } = TriageFeatureSettings.Default with { Concepts = true };
}
