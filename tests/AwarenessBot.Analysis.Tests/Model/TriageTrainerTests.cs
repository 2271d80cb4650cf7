using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;

namespace AwarenessBot.Analysis.Tests.Model;

public sealed class TriageTrainerTests
{
    [Fact]
    public void Training_is_deterministic()
    {
        var first = TriageTrainer.Train(TinyCorpus.Lines, TinyCorpus.Normalize, TinyCorpus.Options);
        var second = TriageTrainer.Train(TinyCorpus.Lines, TinyCorpus.Normalize, TinyCorpus.Options);

        Assert.Equal(TriageModelFile.ToBytes(first), TriageModelFile.ToBytes(second));
    }

    [Fact]
    public void Augmented_copies_are_deterministic_and_realistic()
    {
        const string Text = "J'ai peur, il m'a enfermé dans la chambre!";

        var variants = TrainingAugmenter.Variants(Text, seed: 7);

        Assert.Equal(variants, TrainingAugmenter.Variants(Text, seed: 7));
        Assert.Contains("J'ai peur, il m'a enferme dans la chambre!", variants);
        Assert.Contains("j'ai peur, il m'a enfermé dans la chambre!", variants);
        Assert.Contains("Jai peur il ma enfermé dans la chambre", variants);
        Assert.DoesNotContain(Text, variants);
        Assert.Contains(variants, v => v.Length == Text.Length + 2 || v.Length == Text.Length + 3 || v.Length == Text.Length + 4); // elongation
    }

    [Fact]
    public void Calibration_meets_precision_and_recall_targets()
    {
        // self_harm scores: 10 positives at 0.600 .. 0.735, 20 none lines low except one at 0.70.
        var labels = new List<TriageClass>();
        var probabilities = new List<float[]>();
        for (var i = 0; i < 20; i++)
        {
            labels.Add(TriageClass.None);
            probabilities.Add([0.9f, 0.01f, i == 0 ? 0.70f : 0.05f + (i * 0.01f), 0.01f, 0.01f]);
        }

        for (var i = 0; i < 10; i++)
        {
            labels.Add(TriageClass.SelfHarm);
            probabilities.Add([0.1f, 0.01f, 0.6f + (i * 0.015f), 0.01f, 0.01f]);
        }

        var thresholds = ThresholdCalibrator.Calibrate(probabilities, labels, new CalibrationTargets { MaxNoneFalseAlarm = 0.05f, Resamples = 0 });

        var selfHarm = thresholds[(int)TriageClass.SelfHarm];
        Assert.Equal(0.6f, selfHarm.CheckIn); // every positive kept; the one none line above is within 5 %
        Assert.Equal(0.705f, selfHarm.High, 4); // above the none line: 3 of 3 precise; below it never 0.95 again
        Assert.Equal(TriageThresholds.Never, thresholds[(int)TriageClass.None]);
    }

    [Fact]
    public void Calibration_gives_up_recall_to_keep_false_alarms_down()
    {
        var labels = new List<TriageClass>();
        var probabilities = new List<float[]>();
        for (var i = 0; i < 20; i++)
        {
            labels.Add(TriageClass.None);
            probabilities.Add([0.9f, 0.01f, i < 4 ? 0.65f + (i * 0.01f) : 0.05f, 0.01f, 0.01f]);
            labels.Add(TriageClass.SelfHarm);
            probabilities.Add([0.1f, 0.01f, 0.6f + (i * 0.015f), 0.01f, 0.01f]);
        }

        var thresholds = ThresholdCalibrator.Calibrate(probabilities, labels, new CalibrationTargets { MaxNoneFalseAlarm = 0.05f, Resamples = 0 });

        var checkIn = thresholds[(int)TriageClass.SelfHarm].CheckIn;
        Assert.Single(probabilities.Where((p, i) => labels[i] == TriageClass.None && p[2] >= checkIn)); // 5 % of 20
        Assert.Equal(15, probabilities.Where((p, i) => labels[i] == TriageClass.SelfHarm && p[2] >= checkIn).Count()); // positives from 0.675 up kept
    }

    [Fact]
    public void Resampled_calibration_is_reproducible_and_takes_the_median_bar()
    {
        // Self-harm positives from 0.40 up; a budget of one false alarm among the none lines, which sit at 0.45-0.64.
        var labels = new List<TriageClass>();
        var probabilities = new List<float[]>();
        for (var i = 0; i < 40; i++)
        {
            labels.Add(TriageClass.None);
            probabilities.Add([0.9f, 0.01f, i < 20 ? 0.45f + (i * 0.01f) : 0.05f, 0.01f, 0.01f]);
            labels.Add(TriageClass.SelfHarm);
            probabilities.Add([0.1f, 0.01f, 0.4f + (i * 0.01f), 0.01f, 0.01f]);
        }

        var targets = new CalibrationTargets { MaxNoneFalseAlarm = 0.025f, MinCheckIn = 0f, Resamples = 31 };
        var once = ThresholdCalibrator.Calibrate(probabilities, labels, targets with { Resamples = 0 })[(int)TriageClass.SelfHarm];

        var resampled = ThresholdCalibrator.Calibrate(probabilities, labels, targets)[(int)TriageClass.SelfHarm];

        Assert.Equal(resampled, ThresholdCalibrator.Calibrate(probabilities, labels, targets)[(int)TriageClass.SelfHarm]);
        Assert.NotEqual(resampled, ThresholdCalibrator.Calibrate(probabilities, labels, targets with { ResampleSeed = 1 })[(int)TriageClass.SelfHarm]);
        // The bar sits among the none scores (0.45-0.64) where each resample's budget runs out, never below every one.
        Assert.InRange(resampled.CheckIn, 0.6f, 0.66f);
        Assert.InRange(once.CheckIn, 0.6f, 0.66f);
        Assert.True(resampled.High >= resampled.CheckIn);
    }
}
