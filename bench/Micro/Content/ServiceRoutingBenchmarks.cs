using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using BenchmarkDotNet.Attributes;
using Micro.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Content;

/// <summary>Service routing: one IServiceDirectory.Find per crisis or "who can help" answer.</summary>
[MemoryDiagnoser]
public class ServiceRoutingBenchmarks
{
    private ServiceProvider _provider = null!;
    private IServiceDirectory _directory = null!;
    private ServiceQuery _query = null!;

    [Params("online_exploitation/ON/youth/en", "danger_now/QC/youth/fr", "work_exploitation/BC/worker/es", "trafficking/NU/adult/en")]
    public string Query { get; set; } = "online_exploitation/ON/youth/en";

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddContentRepository(SeedsFolder.Seeds).BuildServiceProvider();
        _directory = _provider.GetRequiredService<IServiceDirectory>();
        var parts = Query.Split('/');
        // 03:00 Eastern: night, so 24/7 ranking is exercised.
        _query = new ServiceQuery(parts[0], parts[1], parts[2], parts[3], IndigenousFirst: false, new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        _ = _directory.Find(_query);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark]
    public int Find() => _directory.Find(_query).Count;
}
