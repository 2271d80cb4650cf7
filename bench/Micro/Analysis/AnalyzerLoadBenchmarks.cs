using AwarenessBot.Analysis.Local;
using BenchmarkDotNet.Attributes;
using Micro.Support;

namespace Micro.Analysis;

/// <summary>Start-up share of text analysis: load, validate and compile lexicons and language profiles.</summary>
[MemoryDiagnoser]
public class AnalyzerLoadBenchmarks
{
    [Benchmark]
    public object LoadFromSeeds() => LocalTextAnalyzer.FromSeeds(SeedsFolder.Seeds);
}
