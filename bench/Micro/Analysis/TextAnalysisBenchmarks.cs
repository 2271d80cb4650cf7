using AwarenessBot.Analysis.Local;
using BenchmarkDotNet.Attributes;
using Micro.Support;

namespace Micro.Analysis;

/// <summary>
/// Budget: under 50 µs per typical (short) message; under 1 ms at the tail for 2,000 characters (normaliser, concepts in
/// four languages, frames, model). All statistics are shown so the tail (P95, max) is read, not only the mean.
/// </summary>
[MemoryDiagnoser]
[AllStatisticsColumn]
public class TextAnalysisBenchmarks
{
    private LocalTextAnalyzer _analyzer = null!;
    private string _text = "";

    [Params("en", "fr", "es", "tl")]
    public string Language { get; set; } = "en";

    [Params("short", "2000-chars")]
    public string Length { get; set; } = "short";

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = LocalTextAnalyzer.FromSeeds(SeedsFolder.Seeds);
        _text = SampleMessages.For(Language, Length == "short" ? "short" : "long");
    }

    [Benchmark]
    public object Analyze() => _analyzer.Analyze(_text);
}
