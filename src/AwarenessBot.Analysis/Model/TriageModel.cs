using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Model;

/// <summary>
/// The triage model: a linear one-vs-rest classifier over hashed n-grams (<see cref="TriageFeaturizer"/>), a second
/// opinion beside the rule frames. Immutable and thread-safe; load once at start-up (<see cref="FromSeeds"/>) and share.
/// Messages and n-grams are never logged by this type; <see cref="Explain"/> is for the author tools.
/// </summary>
public sealed class TriageModel
{
    /// <summary>Where the shipped model lives, relative to the seeds folder.</summary>
    public const string RelativePath = "models/triage.model";

    private const int Classes = TriageClasses.Count;

    // Row-major: the weights of bucket b are _weights[b * 5 .. b * 5 + 4], in TriageClass order.
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly TriageThresholds[] _thresholds;

    internal TriageModel(TriageFeatureSettings settings, float[] weights, float[] biases, TriageThresholds[] thresholds, string description)
    {
        if (weights.Length != settings.Buckets * Classes || biases.Length != Classes || thresholds.Length != Classes)
        {
            throw new ArgumentException("Weights, biases and thresholds must match the bucket and class counts.");
        }

        Featurizer = new TriageFeaturizer(settings);
        _weights = weights;
        _biases = biases;
        _thresholds = thresholds;
        Description = description;
    }

    public TriageFeatureSettings Settings => Featurizer.Settings;

    public TriageFeaturizer Featurizer { get; }

    /// <summary>Free text written by the trainer (data sizes, seed, options): no message content.</summary>
    public string Description { get; }

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> Biases => _biases;

    public TriageThresholds Thresholds(TriageClass value) => _thresholds[(int)value];

    /// <summary>Loads <c>seeds/models/triage.model</c> (no network).</summary>
    public static TriageModel FromSeeds(string seedsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsDirectory);
        return TriageModelFile.Read(Path.Combine(seedsDirectory, RelativePath));
    }

    public static TriageModel Load(string path) => TriageModelFile.Read(path);

    public void Save(string path) => TriageModelFile.Write(this, path);

    /// <summary>The same weights with other thresholds (calibration).</summary>
    public TriageModel WithThresholds(IReadOnlyList<TriageThresholds> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new TriageModel(Settings, _weights, _biases, [.. thresholds], Description);
    }

    public TriageModel WithDescription(string description) => new(Settings, _weights, _biases, _thresholds, description);

    public TriagePrediction Predict(NormalizedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Predict(message.Joined);
    }

    /// <summary>
    /// Scores a normalised message (<see cref="NormalizedMessage.Joined"/>). <c>none</c> is its head's sigmoid; each risk
    /// class is the sigmoid of its head's log-odds minus the <c>none</c> head's, i.e. the evidence for the risk against
    /// "harmless": on the development split this ranks far better than a risk head alone (short replies such as
    /// "adios" or "yes please" carry little risk evidence but strong none evidence).
    /// </summary>
    public TriagePrediction Predict(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        Span<float> logits = stackalloc float[Classes];
        Score(normalized, logits);
        var probabilities = new float[Classes];
        probabilities[0] = Sigmoid(logits[0]);
        for (var c = 1; c < Classes; c++)
        {
            probabilities[c] = Sigmoid(logits[c] - logits[0]);
        }

        return new TriagePrediction(probabilities, _thresholds);
    }

    /// <summary>
    /// The n-grams of the message that pushed <paramref name="target"/>'s score most (largest absolute log-odds share
    /// first, or only the positive ones when <paramref name="positiveOnly"/>). For a risk class the share is its weight
    /// minus the <c>none</c> weight, as in <see cref="Predict(string)"/>. A bucket shared by several n-grams (hash
    /// collision) is credited to the first one in the message.
    /// </summary>
    public IReadOnlyList<TriageContribution> Explain(string normalized, TriageClass target, int top = 10, bool positiveOnly = true)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var features = Featurizer.Features(normalized);
        var seen = new HashSet<int>();
        var unique = features.Where(f => seen.Add(f.Bucket)).ToList();
        if (unique.Count == 0)
        {
            return [];
        }

        var scale = 1f / MathF.Sqrt(unique.Count);
        return [.. unique
            .Select(f => new TriageContribution(f.Text, f.Kind, Weight(f.Bucket, target) * scale))
            .Where(c => !positiveOnly || c.Weight > 0)
            .OrderByDescending(c => positiveOnly ? c.Weight : MathF.Abs(c.Weight))
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(top)];
    }

    private float Weight(int bucket, TriageClass target)
    {
        var row = bucket * Classes;
        return target == TriageClass.None ? _weights[row] : _weights[row + (int)target] - _weights[row];
    }

    /// <summary>Raw log-odds per head (training and calibration share this path with prediction).</summary>
    internal void Score(ReadOnlySpan<char> normalized, Span<float> logits)
    {
        var scratch = FeatureScratch.For(Settings.Buckets);
        var count = Featurizer.Collect(normalized, scratch);
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        var buckets = scratch.Buckets;
        var weights = _weights;
        for (var i = 0; i < count; i++)
        {
            var row = buckets[i] * Classes;
            var w = weights.AsSpan(row, Classes);
            s0 += w[0];
            s1 += w[1];
            s2 += w[2];
            s3 += w[3];
            s4 += w[4];
        }

        scratch.Clear(count);
        var scale = count == 0 ? 0f : 1f / MathF.Sqrt(count);
        logits[0] = _biases[0] + (s0 * scale);
        logits[1] = _biases[1] + (s1 * scale);
        logits[2] = _biases[2] + (s2 * scale);
        logits[3] = _biases[3] + (s3 * scale);
        logits[4] = _biases[4] + (s4 * scale);
    }

    internal static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));
}
