namespace AwarenessBot.Analysis.Model;

/// <summary>The classifier's best class for a message and how sure it is.</summary>
/// <param name="Margin">The best probability minus the second best.</param>
/// <param name="Accepted">At or above the class's acceptance threshold (calibrated on a development split).</param>
public readonly record struct TextClass(string Name, float Probability, float Margin, bool Accepted);

/// <summary>
/// A multi-class linear classifier (softmax) over the same hashed n-grams as the triage model
/// (<see cref="TriageFeaturizer"/>), with class names read from its file. Used for navigation intents, where the
/// classes are the data's intent names. Immutable and thread-safe; the acceptance threshold of each class is
/// <see cref="TriageThresholds.High"/> in the file.
/// </summary>
public sealed class TextClassifier
{
    private const string TrainCommand = "train-intents";

    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly TriageThresholds[] _thresholds;
    private readonly string[] _names;

    internal TextClassifier(TriageFeatureSettings settings, IReadOnlyList<string> names, float[] weights, float[] biases, TriageThresholds[] thresholds, string description)
    {
        if (names.Count < 2 || weights.Length != settings.Buckets * names.Count || biases.Length != names.Count || thresholds.Length != names.Count)
        {
            throw new ArgumentException("Weights, biases and thresholds must match the bucket and class counts.");
        }

        Featurizer = new TriageFeaturizer(settings);
        _names = [.. names];
        _weights = weights;
        _biases = biases;
        _thresholds = thresholds;
        Description = description;
    }

    public TriageFeatureSettings Settings => Featurizer.Settings;

    public TriageFeaturizer Featurizer { get; }

    public IReadOnlyList<string> ClassNames => _names;

    /// <summary>Free text written by the trainer (data sizes, options): no message content.</summary>
    public string Description { get; }

    internal float[] Weights => _weights;

    internal float[] Biases => _biases;

    internal TriageThresholds[] Thresholds => _thresholds;

    public float AcceptThreshold(int classIndex) => _thresholds[classIndex].High;

    public static TextClassifier Load(string path) => FromData(LinearModelFile.Read(path, TrainCommand), path);

    public static TextClassifier FromBytes(byte[] bytes, string source) => FromData(LinearModelFile.FromBytes(bytes, source), source);

    public byte[] ToBytes() => LinearModelFile.ToBytes(ToData());

    public void Save(string path) => LinearModelFile.Write(ToData(), path);

    /// <summary>The same weights with one acceptance threshold for every class.</summary>
    public TextClassifier WithAcceptThreshold(float threshold, string description) =>
        new(Settings, _names, _weights, _biases, [.. _names.Select(_ => new TriageThresholds(threshold, threshold))], description);

    /// <summary>Probabilities per class (in <see cref="ClassNames"/> order) of a normalised message.</summary>
    public float[] Probabilities(ReadOnlySpan<char> normalized)
    {
        var classes = _names.Length;
        var logits = new float[classes];
        var scratch = FeatureScratch.For(Settings.Buckets);
        var count = Featurizer.Collect(normalized, scratch);
        var buckets = scratch.Buckets;
        for (var i = 0; i < count; i++)
        {
            var row = _weights.AsSpan(buckets[i] * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                logits[c] += row[c];
            }
        }

        scratch.Clear(count);
        var scale = count == 0 ? 0f : 1f / MathF.Sqrt(count);
        for (var c = 0; c < classes; c++)
        {
            logits[c] = _biases[c] + (logits[c] * scale);
        }

        Softmax(logits);
        return logits;
    }

    public TextClass Predict(ReadOnlySpan<char> normalized)
    {
        var probabilities = Probabilities(normalized);
        int best = 0, second = -1;
        for (var c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                second = best;
                best = c;
            }
            else if (second < 0 || probabilities[c] > probabilities[second])
            {
                second = c;
            }
        }

        var p = probabilities[best];
        return new TextClass(_names[best], p, p - probabilities[second], p >= _thresholds[best].High);
    }

    /// <summary>In place: logits → probabilities (max subtracted first, so large logits cannot overflow).</summary>
    internal static void Softmax(Span<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = MathF.Max(max, v);
        }

        var sum = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }

    private LinearModelData ToData() =>
        new(LinearModelFile.ScoringSoftmax, Settings, _names, _biases, _thresholds, Description, _weights);

    private static TextClassifier FromData(LinearModelData data, string source)
    {
        if (data.Scoring != LinearModelFile.ScoringSoftmax)
        {
            throw new InvalidDataException($"{source}: not a multi-class model (scoring scheme {data.Scoring})");
        }

        return new TextClassifier(data.Settings, data.ClassNames, data.Weights, data.Biases, data.Thresholds, data.Description);
    }
}
