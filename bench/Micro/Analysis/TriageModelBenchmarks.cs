using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Normalization;
using BenchmarkDotNet.Attributes;
using Micro.Support;

namespace Micro.Analysis;

/// <summary>
/// The triage model's share of a turn. Budget: prediction on a 2,000-character message well under 0.5 ms (the issue's
/// 1 ms p99 covers normaliser, frames and model together); model load well under 100 ms (start-up budget 300 ms).
/// </summary>
[MemoryDiagnoser]
public class TriageModelBenchmarks
{
    private TriageModel _model = null!;
    private MessageNormalizer _normalizer = null!;
    private string _text = "";
    private string _normalized = "";

    [Params("en", "fr", "es", "tl")]
    public string Language { get; set; } = "en";

    [Params("short", "2000-chars")]
    public string Length { get; set; } = "2000-chars";

    [GlobalSetup]
    public void Setup()
    {
        _model = TriageModel.FromSeeds(SeedsFolder.Seeds);
        _normalizer = new MessageNormalizer(NormalizationRulesLoader.Load(SeedsFolder.Seeds));
        _text = SampleMessages.For(Language, Length == "short" ? "short" : "long");
        _normalized = _normalizer.Normalize(_text).Joined;
    }

    /// <summary>The model alone, on an already-normalised message (as the triage pipeline calls it).</summary>
    [Benchmark]
    public TriagePrediction Predict() => _model.Predict(_normalized);

    /// <summary>Normaliser and model together (the normaliser's cost is shared with the frames in the product).</summary>
    [Benchmark]
    public TriagePrediction NormalizeAndPredict() => _model.Predict(_normalizer.Normalize(_text).Joined);
}

/// <summary>Start-up share of the model: read, verify the checksum and expand the half-precision weights.</summary>
[MemoryDiagnoser]
public class TriageModelLoadBenchmarks
{
    [Benchmark]
    public TriageModel LoadFromSeeds() => TriageModel.FromSeeds(SeedsFolder.Seeds);
}
