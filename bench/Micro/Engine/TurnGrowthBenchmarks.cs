using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.DependencyInjection;
using BenchmarkDotNet.Attributes;
using Micro.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Engine;

/// <summary>
/// One engine turn (the 12-turn script, per turn, storage excluded) over the real seeds and 10× and 100× synthetic
/// copies of every content item and service: a lookup that scans the content would grow here. Aim: flat.
/// </summary>
[MemoryDiagnoser]
public class TurnGrowthBenchmarks
{
    private SyntheticSeeds? _synthetic;
    private ServiceProvider _provider = null!;
    private IDialogEngine _engine = null!;

    [ParamsSource(nameof(CopyCounts))]
    public int Copies { get; set; } = 1;

    public static IEnumerable<int> CopyCounts => GrowthFactors.Copies;

    [GlobalSetup]
    public void Setup()
    {
        _synthetic = Copies == 1 ? null : new SyntheticSeeds(Copies);
        var seeds = _synthetic?.Path ?? SeedsFolder.Seeds;
        _provider = new ServiceCollection()
            .AddContentRepository(seeds)
            .AddDialogEngine(SeedsFolder.Dialogs, seeds)
            .BuildServiceProvider();
        _engine = _provider.GetRequiredService<IDialogEngine>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _synthetic?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int ScriptPerTurn() => EngineScript.Play(_engine, new DialogSessionState(), new UserProfileState());
}
