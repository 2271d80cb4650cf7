using System.Globalization;

namespace AwarenessBot.Analysis.Model.Training;

/// <summary>A labelled line for <see cref="TextClassifierTrainer"/>: the text as typed and its class name.</summary>
public sealed record NamedText(string Text, string Label);

/// <summary>
/// Trains a <see cref="TextClassifier"/>: softmax cross-entropy over the featurizer's buckets, AdaGrad with lazy L2,
/// class weights (inverse frequency to <see cref="TriageTrainingOptions.ClassWeightPower"/>, capped), augmented copies
/// from <see cref="TrainingAugmenter"/>, a fixed seed and one thread: the same data gives the same bytes. Weights are
/// rounded to half precision as the file stores them, so calibration sees the model that ships.
/// </summary>
public static class TextClassifierTrainer
{
    public static TextClassifier Train(IReadOnlyList<NamedText> lines, Func<string, string> normalize, TriageTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(normalize);
        options ??= new TriageTrainingOptions();
        var names = lines.Select(l => l.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (names.Length < 2)
        {
            throw new ArgumentException("Training needs at least two classes.", nameof(lines));
        }

        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var featurizer = new TriageFeaturizer(options.Features);
        var examples = new List<(int[] Features, int Label)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            seen.Clear();
            IEnumerable<string> texts = options.Augment ? [line.Text, .. TrainingAugmenter.Variants(line.Text, options.Seed, options.TypoCopies)] : [line.Text];
            foreach (var text in texts)
            {
                var normalized = normalize(text);
                if (normalized.Length > 0 && seen.Add(normalized))
                {
                    examples.Add((featurizer.Buckets(normalized), index[line.Label]));
                }
            }
        }

        var classes = names.Length;
        var counts = new int[classes];
        foreach (var (_, label) in examples)
        {
            counts[label]++;
        }

        var classWeight = counts
            .Select(n => n == 0 ? 1f : Math.Clamp(MathF.Pow(examples.Count / (float)(classes * n), options.ClassWeightPower), 1f / options.MaxClassWeight, options.MaxClassWeight))
            .ToArray();

        var buckets = options.Features.Buckets;
        var weights = new float[buckets * classes];
        var squares = new float[buckets * classes];
        var biases = new float[classes];
        var biasSquares = new float[classes];
        var logits = new float[classes];
        var random = new DeterministicRandom(options.Seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        const float Epsilon = 1e-8f;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, label) = examples[i];
                var scale = 1f / MathF.Sqrt(features.Length);
                for (var c = 0; c < classes; c++)
                {
                    var sum = 0f;
                    foreach (var b in features)
                    {
                        sum += weights[(b * classes) + c];
                    }

                    logits[c] = biases[c] + (sum * scale);
                }

                TextClassifier.Softmax(logits);
                for (var c = 0; c < classes; c++)
                {
                    var gradient = (logits[c] - (c == label ? 1f : 0f)) * classWeight[label];
                    biasSquares[c] += gradient * gradient;
                    biases[c] -= options.LearningRate * gradient / (MathF.Sqrt(biasSquares[c]) + Epsilon);
                    foreach (var b in features)
                    {
                        var at = (b * classes) + c;
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

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{lines.Count} lines, {examples.Count} examples after augmentation, {classes} classes; seed {options.Seed}, {options.Epochs} epochs, AdaGrad {options.LearningRate}, L2 {options.L2}");
        return new TextClassifier(options.Features, names, weights, biases, [.. names.Select(_ => TriageThresholds.Never)], description);
    }
}
