using AwarenessBot.Analysis.Abstractions;

namespace AwarenessBot.Analysis.Triage;

/// <summary>The trained second opinion: per-category probabilities for a normalised message, with calibrated thresholds.</summary>
public interface IRiskModel
{
    /// <summary>Probabilities in <see cref="RiskCategory"/> order (four values, 0..1).</summary>
    double[] Score(string normalizedText);

    /// <summary>At or above: the crisis reply.</summary>
    double HighThreshold(RiskCategory category);

    /// <summary>At or above (and below high): the check-in.</summary>
    double CheckInThreshold(RiskCategory category);
}
