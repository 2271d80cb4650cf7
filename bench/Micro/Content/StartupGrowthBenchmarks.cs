using AwarenessBot.Analysis.Local;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Snapshots;
using BenchmarkDotNet.Attributes;
using Micro.Engine;
using Micro.Support;

namespace Micro.Content;

/// <summary>
/// Start-up's data load as the content grows: what the host does before it listens (the data pipeline: catalog,
/// content and services, intents, flows, every check, the engine built, and the triage analyzer the host adds as a
/// check) over the real seeds and 10× and 100× synthetic copies of every content item and service. Schema
/// <c>cold</c> evaluates every file against its schema and parses every YAML file (a first start, or
/// AWARENESSBOT_VALIDATION_CACHE=off); <c>warm</c> is a restart over unchanged files, whose schema passes and parsed
/// content and service documents (the parsed-data snapshot) are remembered. Aim: linear in the content.
/// </summary>
[MemoryDiagnoser]
public class StartupGrowthBenchmarks
{
    private const string CacheVariable = "AWARENESSBOT_VALIDATION_CACHE";
    private SyntheticSeeds? _synthetic;
    private string _seeds = "";
    private string _cacheFolder = "";

    [ParamsSource(nameof(CopyCounts))]
    public int Copies { get; set; } = 1;

    public static IEnumerable<int> CopyCounts => GrowthFactors.Copies;

    [Params("cold", "warm")]
    public string Schema { get; set; } = "cold";

    [GlobalSetup]
    public void Setup()
    {
        _synthetic = Copies == 1 ? null : new SyntheticSeeds(Copies);
        _seeds = _synthetic?.Path ?? SeedsFolder.Seeds;
        _cacheFolder = Path.Combine(Path.GetTempPath(), $"awarenessbot-bench-schema-cache-{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable(CacheVariable, Schema == "cold" ? "off" : _cacheFolder);
        if (Schema == "warm")
        {
            Load(); // the first start, which remembers the passes
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Environment.SetEnvironmentVariable(CacheVariable, null);
        _synthetic?.Dispose();
        if (Directory.Exists(_cacheFolder))
        {
            Directory.Delete(_cacheFolder, recursive: true);
        }
    }

    [Benchmark]
    public int Load()
    {
        var (report, snapshot) = DataPipeline.Load(SeedsFolder.Dialogs, _seeds, [TriageCheck], EngineScript.Now);
        return snapshot?.FlowCount ?? throw new InvalidOperationException(string.Join(Environment.NewLine, report.Issues.Take(5)));
    }

    private static IReadOnlyList<ValidationIssue> TriageCheck(string seeds)
    {
        LocalTextAnalyzer.FromSeeds(seeds);
        return [];
    }
}
