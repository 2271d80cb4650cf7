namespace AwarenessBot.Analysis.Model;

/// <summary>One message's per-class probabilities (independent sigmoids, one-vs-rest) and the severities they reach.</summary>
public sealed class TriagePrediction
{
    private readonly float[] _probabilities;
    private readonly TriageThresholds[] _thresholds;

    internal TriagePrediction(float[] probabilities, TriageThresholds[] thresholds)
    {
        _probabilities = probabilities;
        _thresholds = thresholds;
        var best = TriageClass.None;
        var bestSeverity = TriageSeverity.None;
        var bestProbability = 0f;
        foreach (var risk in TriageClasses.Risks)
        {
            var p = _probabilities[(int)risk];
            var severity = thresholds[(int)risk].Severity(p);
            if (severity > bestSeverity || (severity == bestSeverity && severity != TriageSeverity.None && p > bestProbability))
            {
                (best, bestSeverity, bestProbability) = (risk, severity, p);
            }
        }

        Class = best;
        Severity = bestSeverity;
    }

    /// <summary>The risk class with the highest severity (then probability), or <see cref="TriageClass.None"/>.</summary>
    public TriageClass Class { get; }

    public TriageSeverity Severity { get; }

    public IReadOnlyList<float> Probabilities => _probabilities;

    public float Probability(TriageClass value) => _probabilities[(int)value];

    public TriageSeverity SeverityOf(TriageClass value) => _thresholds[(int)value].Severity(_probabilities[(int)value]);

    /// <summary>The risk class with the highest probability, whatever the thresholds (explanations, diagnostics).</summary>
    public TriageClass MostLikelyRisk => TriageClasses.Risks.MaxBy(r => _probabilities[(int)r]);
}

/// <summary>An n-gram of the message and how much it pushed the score of one class (log-odds; negative pulls down).</summary>
public readonly record struct TriageContribution(string Text, TriageFeatureKind Kind, float Weight);
