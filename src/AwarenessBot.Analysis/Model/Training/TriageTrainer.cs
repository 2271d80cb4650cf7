using System.Globalization;

namespace AwarenessBot.Analysis.Model.Training;

/// <summary>
/// Trains <see cref="TriageModel"/>: five one-vs-rest logistic heads over the featurizer's buckets, AdaGrad with L2,
/// balanced class weights per head (positives and negatives weigh the same in total, capped), a fixed number of epochs
/// over a shuffled order from a fixed seed. Single-threaded, so the same data and options give the same bytes.
/// Weights are rounded to half precision at the end, exactly as the model file stores them, so calibration sees the
/// model that ships.
/// </summary>
public static class TriageTrainer
{
    private const int Classes = TriageClasses.Count;

    /// <summary>Thresholds before calibration.</summary>
    public static TriageThresholds DefaultThresholds { get; } = new(0.9f, 0.5f);

    /// <param name="lines">Raw corpus lines (augmentation works on what people typed).</param>
    /// <param name="normalize">The message normaliser (<c>MessageNormalizer.Normalize(text).Joined</c>).</param>
    public static TriageModel Train(IReadOnlyList<LabelledText> lines, Func<string, string> normalize, TriageTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(normalize);
        options ??= new TriageTrainingOptions();
        var featurizer = new TriageFeaturizer(options.Features);
        var examples = BuildExamples(lines, normalize, featurizer, options);
        if (examples.Count == 0)
        {
            throw new ArgumentException("No training lines.", nameof(lines));
        }

        var buckets = options.Features.Buckets;
        var weights = new float[buckets * Classes];
        var squares = new float[buckets * Classes];
        var biases = new float[Classes];
        var biasSquares = new float[Classes];
        var (positiveWeight, negativeWeight) = ClassWeights(examples, options.ClassWeightPower, options.MaxClassWeight);

        var random = new DeterministicRandom(options.Seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        const float Epsilon = 1e-8f;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var (features, label) = examples[index];
                var scale = 1f / MathF.Sqrt(features.Length);
                for (var c = 0; c < Classes; c++)
                {
                    var z = biases[c];
                    var sum = 0f;
                    foreach (var b in features)
                    {
                        sum += weights[(b * Classes) + c];
                    }

                    z += sum * scale;
                    var positive = (int)label == c;
                    var gradient = (TriageModel.Sigmoid(z) - (positive ? 1f : 0f)) * (positive ? positiveWeight[c] : negativeWeight[c]);

                    biasSquares[c] += gradient * gradient;
                    biases[c] -= options.LearningRate * gradient / (MathF.Sqrt(biasSquares[c]) + Epsilon);

                    foreach (var b in features)
                    {
                        var at = (b * Classes) + c;
                        var g = (gradient * scale) + (options.L2 * weights[at]);
                        squares[at] += g * g;
                        weights[at] -= options.LearningRate * g / (MathF.Sqrt(squares[at]) + Epsilon);
                    }
                }
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(Half)weights[i];
        }

        var thresholds = new TriageThresholds[Classes];
        thresholds[0] = TriageThresholds.Never;
        for (var c = 1; c < Classes; c++)
        {
            thresholds[c] = DefaultThresholds;
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{lines.Count} lines, {examples.Count} examples after augmentation; seed {options.Seed}, {options.Epochs} epochs, AdaGrad {options.LearningRate}, L2 {options.L2}");
        return new TriageModel(options.Features, weights, biases, thresholds, description);
    }

    private static List<(int[] Features, TriageClass Label)> BuildExamples(
        IReadOnlyList<LabelledText> lines, Func<string, string> normalize, TriageFeaturizer featurizer, TriageTrainingOptions options)
    {
        var examples = new List<(int[], TriageClass)>(lines.Count * 6);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            seen.Clear();
            IEnumerable<string> texts = options.Augment
                ? [line.Text, .. TrainingAugmenter.Variants(line.Text, options.Seed, options.TypoCopies)]
                : [line.Text];
            foreach (var text in texts)
            {
                var normalized = normalize(text);
                if (normalized.Length == 0 || !seen.Add(normalized))
                {
                    continue;
                }

                examples.Add((featurizer.Buckets(normalized), line.Label));
            }
        }

        return examples;
    }

    /// <summary>Per head: positives and negatives each weigh half of the examples in total (to the power given); capped both ways.</summary>
    private static (float[] Positive, float[] Negative) ClassWeights(List<(int[] Features, TriageClass Label)> examples, float power, float cap)
    {
        var positive = new float[Classes];
        var negative = new float[Classes];
        var total = (float)examples.Count;
        for (var c = 0; c < Classes; c++)
        {
            var count = examples.Count(e => (int)e.Label == c);
            positive[c] = count == 0 ? 1f : Math.Clamp(MathF.Pow(total / (2f * count), power), 1f / cap, cap);
            negative[c] = count == examples.Count ? 1f : Math.Clamp(MathF.Pow(total / (2f * (total - count)), power), 1f / cap, cap);
        }

        return (positive, negative);
    }
}
