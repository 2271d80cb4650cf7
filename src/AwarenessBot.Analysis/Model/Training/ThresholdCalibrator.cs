namespace AwarenessBot.Analysis.Model.Training;

/// <summary>What calibration aims at on the development split.</summary>
public sealed record CalibrationTargets
{
    /// <summary>Precision of the <c>high</c> tier per risk class.</summary>
    public float HighPrecision { get; init; } = 0.95f;

    /// <summary>Recall of the <c>check_in</c> tier per risk class (the class's own score reaching its threshold).</summary>
    public float CheckInRecall { get; init; } = 0.95f;

    /// <summary>Share of <c>none</c> lines any risk class may flag at <c>check_in</c>; recall gives way when both cannot hold.</summary>
    public float MaxNoneFalseAlarm { get; init; } = 0.03f;

    /// <summary>The <c>high</c> threshold never goes below this probability, whatever a small split says.</summary>
    public float MinHigh { get; init; } = 0.5f;
}

/// <summary>A development line, already normalised.</summary>
public readonly record struct ScoredLine(string Normalized, TriageClass Label, string Language);

/// <summary>
/// Per-class thresholds from the development split (never the frozen test split). <c>high</c>: the lowest threshold at
/// which the class's alerts are at least <see cref="CalibrationTargets.HighPrecision"/> precise. <c>check_in</c>: first
/// the highest threshold keeping <see cref="CalibrationTargets.CheckInRecall"/> of the class's lines, then, while more
/// than <see cref="CalibrationTargets.MaxNoneFalseAlarm"/> of the <c>none</c> lines are flagged, greedily raise the
/// threshold whose next step clears the most false alarms per positive line lost.
/// </summary>
public static class ThresholdCalibrator
{
    public static IReadOnlyList<TriageThresholds> Calibrate(TriageModel model, IReadOnlyList<ScoredLine> dev, CalibrationTargets? targets = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dev);
        targets ??= new CalibrationTargets();
        var probabilities = dev.Select(line => model.Predict(line.Normalized).Probabilities.ToArray()).ToArray();
        var labels = dev.Select(line => line.Label).ToArray();
        return Calibrate(probabilities, labels, targets);
    }

    /// <summary>The same from precomputed probabilities (rows in <see cref="TriageClass"/> order).</summary>
    public static IReadOnlyList<TriageThresholds> Calibrate(IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, CalibrationTargets targets)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(targets);
        var result = new TriageThresholds[TriageClasses.Count];
        result[0] = TriageThresholds.Never;
        var checkIn = new float[TriageClasses.Count];
        foreach (var risk in TriageClasses.Risks)
        {
            var c = (int)risk;
            checkIn[c] = RecallThreshold(probabilities, labels, risk, targets.CheckInRecall);
        }

        LimitFalseAlarms(probabilities, labels, checkIn, targets.MaxNoneFalseAlarm);
        foreach (var risk in TriageClasses.Risks)
        {
            var c = (int)risk;
            // high also keeps the false-alarm limit: it is never below the class's check-in threshold.
            var high = Math.Max(Math.Max(PrecisionThreshold(probabilities, labels, risk, targets.HighPrecision), targets.MinHigh), checkIn[c]);
            result[c] = new TriageThresholds(high, checkIn[c]);
        }

        return result;
    }

    private static float PrecisionThreshold(IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, TriageClass risk, float precision)
    {
        var c = (int)risk;
        var ranked = Enumerable.Range(0, labels.Count).OrderByDescending(i => probabilities[i][c]).ToArray();
        var best = float.PositiveInfinity;
        var hits = 0;
        for (var k = 0; k < ranked.Length; k++)
        {
            hits += labels[ranked[k]] == risk ? 1 : 0;
            var score = probabilities[ranked[k]][c];
            var tiedBelow = k + 1 < ranked.Length && probabilities[ranked[k + 1]][c] == score;
            if (!tiedBelow && hits > 0 && hits >= precision * (k + 1))
            {
                best = score;
            }
        }

        return best;
    }

    private static float RecallThreshold(IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, TriageClass risk, float recall)
    {
        var c = (int)risk;
        var positives = Enumerable.Range(0, labels.Count).Where(i => labels[i] == risk).Select(i => probabilities[i][c]).Order().ToArray();
        if (positives.Length == 0)
        {
            return float.PositiveInfinity;
        }

        var misses = (int)Math.Floor((1 - recall) * positives.Length + 1e-6);
        return positives[misses];
    }

    private static void LimitFalseAlarms(IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, float[] checkIn, float maxRate)
    {
        var none = Enumerable.Range(0, labels.Count).Where(i => labels[i] == TriageClass.None).ToArray();
        var allowed = (int)Math.Floor(maxRate * none.Length + 1e-6);
        while (true)
        {
            var flagged = none.Where(i => Flags(probabilities[i], checkIn)).ToArray();
            if (flagged.Length <= allowed)
            {
                return;
            }

            // For each class: raise its threshold just above the lowest none-score it still flags.
            var bestClass = -1;
            var bestValue = 0f;
            var bestScore = double.NegativeInfinity;
            foreach (var risk in TriageClasses.Risks)
            {
                var c = (int)risk;
                var above = flagged.Where(i => probabilities[i][c] >= checkIn[c]).Select(i => probabilities[i][c]).DefaultIfEmpty(float.NaN).Min();
                if (float.IsNaN(above))
                {
                    continue;
                }

                var raised = MathF.BitIncrement(above);
                var cleared = flagged.Count(i => probabilities[i][c] < raised && !FlagsExcept(probabilities[i], checkIn, c));
                var lost = Enumerable.Range(0, labels.Count).Count(i => labels[i] == risk && probabilities[i][c] >= checkIn[c] && probabilities[i][c] < raised);
                var score = (cleared + 0.1) / (lost + 0.5);
                if (score > bestScore)
                {
                    (bestClass, bestValue, bestScore) = (c, raised, score);
                }
            }

            if (bestClass < 0)
            {
                return;
            }

            checkIn[bestClass] = bestValue;
        }
    }

    private static bool Flags(float[] p, float[] thresholds) => FlagsExcept(p, thresholds, -1);

    private static bool FlagsExcept(float[] p, float[] thresholds, int skip)
    {
        for (var c = 1; c < p.Length; c++)
        {
            if (c != skip && p[c] >= thresholds[c])
            {
                return true;
            }
        }

        return false;
    }
}
