namespace AwarenessBot.Analysis.Model.Training;

/// <summary>What calibration aims at on the development split.</summary>
public sealed record CalibrationTargets
{
    /// <summary>Precision of the <c>high</c> tier per risk class.</summary>
    public float HighPrecision { get; init; } = 0.95f;

    /// <summary>Recall of the <c>check_in</c> tier per risk class (the class's own score reaching its threshold).</summary>
    public float CheckInRecall { get; init; } = 0.95f;

    /// <summary>
    /// Share of <c>none</c> lines that may be flagged at <c>check_in</c> or above (by the model alone, or by the whole
    /// detector when the frames' answers are given); recall gives way when both cannot hold.
    /// </summary>
    public float MaxNoneFalseAlarm { get; init; } = 0.05f;

    /// <summary>The <c>high</c> threshold never goes below this probability, whatever a small split says.</summary>
    public float MinHigh { get; init; } = 0.5f;

    /// <summary>
    /// The <c>check_in</c> threshold never goes below this probability: a head barely above its "none" reading is noise
    /// (self-harm at 0.32 asked "are you safe?" after "I am a student"). 0.4 chosen on dev and validation4-7 (stop 26):
    /// false alarms 0.051 → 0.050 (dev), 0.058 → 0.053, 0.071 → 0.066; self-harm recall 0.933 → 0.929 (dev), 0.959 → 0.946 on
    /// validation6, unchanged elsewhere; danger up 0.003-0.007.
    /// </summary>
    public float MinCheckIn { get; init; } = 0.4f;

    /// <summary>
    /// Each threshold is the median over this many calibrations on resamples of the development split (lines drawn
    /// with replacement, a fixed seed); 0 calibrates once on the split as it is. One calibration puts a bar on the one
    /// dev line where its budget runs out, so a retrain that moves a few scores moved the danger check-in bar from 0.59
    /// to 0.47 to 0.63 over three stops; the median over resamples moves with the scores, not with single lines.
    /// </summary>
    public int Resamples { get; init; } = 31;

    public ulong ResampleSeed { get; init; } = 20261207;
}

/// <summary>A development line, already normalised.</summary>
public readonly record struct ScoredLine(string Normalized, TriageClass Label, string Language)
{
    /// <summary>
    /// Per class, whether the model's opinion can reach the person for this line (no gate silences it, no high frame
    /// already answers); null when the frames are not known, and then every class may.
    /// </summary>
    public bool[]? ModelMayFlag { get; init; }

    /// <summary>What the frames alone answer for this line (<see cref="TriageClass.None"/>: nothing).</summary>
    public TriageClass FramesAnswer { get; init; }
}

/// <summary>
/// Per-class thresholds from the development split (never the frozen test split). With the frames' answers
/// (<see cref="ScoredLine.ModelMayFlag"/>), the model is calibrated as the detector uses it: a class the frames or a gate
/// keep it from flagging does not count, the recall target is over the lines the frames miss, and the false-alarm
/// budget is the detector's, less the false alarms the frames raise anyway. <c>high</c>: the lowest threshold at
/// which the class's alerts are at least <see cref="CalibrationTargets.HighPrecision"/> precise. <c>check_in</c>: first
/// the highest threshold keeping <see cref="CalibrationTargets.CheckInRecall"/> of the class's lines, then, while more
/// than <see cref="CalibrationTargets.MaxNoneFalseAlarm"/> of the <c>none</c> lines are flagged, thresholds rise where
/// they cost the fewest risk lines (<see cref="LimitFalseAlarms"/>).
/// </summary>
public static class ThresholdCalibrator
{
    public static IReadOnlyList<TriageThresholds> Calibrate(TriageModel model, IReadOnlyList<ScoredLine> dev, CalibrationTargets? targets = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dev);
        targets ??= new CalibrationTargets();
        // A class the model may not flag on a line scores -1 there: no threshold reaches it.
        var probabilities = dev.Select(line => model.Predict(line.Normalized).Probabilities.ToArray()
            .Select((p, c) => line.ModelMayFlag is { } may && !may[c] ? -1f : p).ToArray()).ToArray();
        var labels = dev.Select(line => line.Label).ToArray();
        var framesAnswer = dev.Select(line => line.FramesAnswer).ToArray();
        return Calibrate(probabilities, labels, targets, framesAnswer);
    }

    /// <summary>The same from precomputed probabilities (rows in <see cref="TriageClass"/> order).</summary>
    /// <param name="framesAnswer">Per line, what the frames already answer (null: nothing is known about the frames).</param>
    public static IReadOnlyList<TriageThresholds> Calibrate(
        IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, CalibrationTargets targets, IReadOnlyList<TriageClass>? framesAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Resamples <= 0)
        {
            return CalibrateOnce(probabilities, labels, targets, framesAnswer);
        }

        var random = new DeterministicRandom(targets.ResampleSeed);
        var runs = new List<IReadOnlyList<TriageThresholds>>(targets.Resamples);
        for (var r = 0; r < targets.Resamples; r++)
        {
            var drawn = Enumerable.Range(0, labels.Count).Select(_ => random.Next(labels.Count)).ToArray();
            runs.Add(CalibrateOnce(
                [.. drawn.Select(i => probabilities[i])],
                [.. drawn.Select(i => labels[i])],
                targets,
                framesAnswer is null ? null : [.. drawn.Select(i => framesAnswer[i])]));
        }

        var result = new TriageThresholds[TriageClasses.Count];
        result[0] = TriageThresholds.Never;
        foreach (var risk in TriageClasses.Risks)
        {
            var c = (int)risk;
            var checkIn = Median(runs.Select(run => run[c].CheckIn));
            result[c] = new TriageThresholds(Math.Max(Median(runs.Select(run => run[c].High)), checkIn), checkIn);
        }

        return result;
    }

    private static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static TriageThresholds[] CalibrateOnce(
        IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, CalibrationTargets targets, IReadOnlyList<TriageClass>? framesAnswer)
    {
        var result = new TriageThresholds[TriageClasses.Count];
        result[0] = TriageThresholds.Never;
        var checkIn = new float[TriageClasses.Count];
        foreach (var risk in TriageClasses.Risks)
        {
            var c = (int)risk;
            checkIn[c] = Math.Max(RecallThreshold(probabilities, labels, risk, targets.CheckInRecall, framesAnswer), targets.MinCheckIn);
        }

        LimitFalseAlarms(probabilities, labels, checkIn, targets.MaxNoneFalseAlarm, framesAnswer);
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

    private static float RecallThreshold(
        IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, TriageClass risk, float recall, IReadOnlyList<TriageClass>? framesAnswer)
    {
        var c = (int)risk;
        // Lines the frames already answer rightly need nothing from the model.
        var positives = Enumerable.Range(0, labels.Count)
            .Where(i => labels[i] == risk && framesAnswer?[i] != risk)
            .Select(i => probabilities[i][c])
            .Order()
            .ToArray();
        if (positives.Length == 0)
        {
            return float.PositiveInfinity;
        }

        var misses = (int)Math.Floor((1 - recall) * positives.Length + 1e-6);
        return positives[misses];
    }

    /// <summary>
    /// Raises check-in thresholds until the false alarms fit the budget, giving up as few risk lines as possible in
    /// total: for a price λ per false alarm, each class takes the threshold (not below its recall threshold) that
    /// maximises its caught lines minus λ × its false alarms; λ is searched for the smallest price whose thresholds
    /// together fit. Unlike raising one class at a time, a class whose false alarms buy many risk lines keeps a low
    /// threshold while a noisy class gives way.
    /// </summary>
    private static void LimitFalseAlarms(
        IReadOnlyList<float[]> probabilities, IReadOnlyList<TriageClass> labels, float[] checkIn, float maxRate, IReadOnlyList<TriageClass>? framesAnswer)
    {
        var allNone = Enumerable.Range(0, labels.Count).Where(i => labels[i] == TriageClass.None).ToArray();
        // The frames' own false alarms happen whatever the model does: they use up the budget first, and the model
        // keeps at least a third of it, so a noisy rule set cannot silence the model entirely.
        var none = allNone.Where(i => framesAnswer is null || framesAnswer[i] == TriageClass.None).ToArray();
        var total = maxRate * allNone.Length;
        var allowed = (int)Math.Floor(Math.Max(total - (allNone.Length - none.Length), total / 3) + 1e-6);
        if (none.Count(i => Flags(probabilities[i], checkIn)) <= allowed)
        {
            return;
        }

        var floors = (float[])checkIn.Clone();
        float[] Thresholds(double price)
        {
            var result = (float[])floors.Clone();
            foreach (var risk in TriageClasses.Risks)
            {
                var c = (int)risk;
                // Candidates: the floor and just above every none score over it; gains counted from the top down.
                var noneScores = none.Select(i => probabilities[i][c]).Where(p => p >= floors[c]).OrderDescending().ToArray();
                var positives = Enumerable.Range(0, labels.Count)
                    .Where(i => labels[i] == risk && framesAnswer?[i] != risk)
                    .Select(i => probabilities[i][c])
                    .ToArray();
                var best = (Value: double.NegativeInfinity, Threshold: float.PositiveInfinity);
                IEnumerable<float> candidates = [floors[c], .. noneScores.Select(MathF.BitIncrement)];
                foreach (var t in candidates.Distinct())
                {
                    var value = positives.Count(p => p >= t) - (price * noneScores.Count(p => p >= t));
                    if (value > best.Value || (value == best.Value && t > best.Threshold))
                    {
                        best = (value, t);
                    }
                }

                result[c] = best.Threshold;
            }

            return result;
        }

        double low = 0, high = none.Length + 1;
        var chosen = Thresholds(high);
        for (var step = 0; step < 40; step++)
        {
            var price = (low + high) / 2;
            var candidate = Thresholds(price);
            if (none.Count(i => Flags(probabilities[i], candidate)) <= allowed)
            {
                (high, chosen) = (price, candidate);
            }
            else
            {
                low = price;
            }
        }

        // The price is a relaxation: spend what budget it leaves on the lowered threshold that gains the most lines.
        while (true)
        {
            var best = (Class: -1, Threshold: 0f, Gain: 0);
            foreach (var risk in TriageClasses.Risks)
            {
                var c = (int)risk;
                var lower = none.Select(i => probabilities[i][c]).Where(p => p >= floors[c] && p < chosen[c]).Select(MathF.BitIncrement).Append(floors[c]);
                foreach (var t in lower.Distinct())
                {
                    var trial = (float[])chosen.Clone();
                    trial[c] = t;
                    if (none.Count(i => Flags(probabilities[i], trial)) > allowed)
                    {
                        continue;
                    }

                    var gain = Enumerable.Range(0, labels.Count).Count(i => labels[i] == risk && framesAnswer?[i] != risk && probabilities[i][c] >= t && probabilities[i][c] < chosen[c]);
                    if (gain > best.Gain)
                    {
                        best = (c, t, gain);
                    }
                }
            }

            if (best.Class < 0)
            {
                break;
            }

            chosen[best.Class] = best.Threshold;
        }

        Array.Copy(chosen, checkIn, checkIn.Length);
    }

    private static bool Flags(float[] p, float[] thresholds)
    {
        for (var c = 1; c < p.Length; c++)
        {
            if (p[c] >= thresholds[c])
            {
                return true;
            }
        }

        return false;
    }
}
