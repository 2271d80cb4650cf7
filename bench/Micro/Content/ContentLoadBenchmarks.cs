using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using BenchmarkDotNet.Attributes;
using Micro.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Content;

/// <summary>
/// Content loading at start-up (read, schema-validate, check, index) with the real seeds and with 10× and 100×
/// synthetic copies (renamed ids). Budget: start-up with the full seeds under 1 s.
/// </summary>
[MemoryDiagnoser]
public class ContentLoadBenchmarks
{
    private SyntheticSeeds? _synthetic;
    private string _seeds = "";

    [Params(1, 10, 100)]
    public int Copies { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _synthetic = Copies == 1 ? null : new SyntheticSeeds(Copies);
        _seeds = _synthetic?.Path ?? SeedsFolder.Seeds;
    }

    [GlobalCleanup]
    public void Cleanup() => _synthetic?.Dispose();

    /// <summary>What the host does on start: build the repository and touch it (the first reader loads and validates).</summary>
    [Benchmark]
    public int LoadContent()
    {
        using var provider = new ServiceCollection().AddContentRepository(_seeds).BuildServiceProvider();
        return provider.GetRequiredService<IContentRepository>().List().Count;
    }
}
