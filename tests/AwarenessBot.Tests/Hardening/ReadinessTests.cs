using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Operations;
using AwarenessBot.Storage.Health;
using AwarenessBot.Storage.State;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Hardening;

/// <summary>Issue 14, finding 4: /readyz tells the truth about a full disk and about Azure; the budget holds from the first turn.</summary>
public sealed class ReadinessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_store_that_cannot_take_writes_makes_readyz_unhealthy()
    {
        await using var factory = new BotHostFactory();
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(IStateStore));
            services.AddSingleton<IStateStore>(provider => new FullDiskStore((IStateStore)registered.ImplementationFactory!(provider)));
        }));
        using var client = host.CreateClient();

        using var ready = await client.GetAsync("/readyz");
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", (string?)report["checks"]!["storage"]);
    }

    [Fact]
    public async Task The_write_probe_stays_healthy_probe_after_probe_on_a_store_that_takes_writes()
    {
        // The probe row is written again and again under one key: a write that expected "no row yet" would lose to the
        // first probe's row and report a healthy store as one that takes no writes.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddBotStorage(configuration).BuildServiceProvider();
        using var check = new StorageReadinessCheck(
            services.GetRequiredService<IStorageHealth>(), services.GetRequiredService<IStateStore>(), time, NullLogger<StorageReadinessCheck>.Instance);

        var results = new List<HealthStatus>();
        for (var probe = 0; probe < 3; probe++)
        {
            results.Add((await check.CheckHealthAsync(new HealthCheckContext())).Status);
            time.Advance(TimeSpan.FromSeconds(6)); // past the reuse window: the next call writes again
        }

        Assert.All(results, status => Assert.Equal(HealthStatus.Healthy, status));
        Assert.Single(await services.GetRequiredService<IStateStore>().ReadAsync([StorageReadinessCheck.ProbeKey], CancellationToken.None));
    }

    [Fact]
    public async Task A_hanging_Azure_endpoint_keeps_the_first_analysis_within_the_budget_and_makes_readyz_degraded()
    {
        using var hanging = new TcpListener(IPAddress.Loopback, 0);
        hanging.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    accepted.Add(await hanging.AcceptTcpClientAsync());
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        await using var factory = new BotHostFactory();
        factory.WithSetting("TextAnalysis:Azure:Endpoint", $"http://127.0.0.1:{((IPEndPoint)hanging.LocalEndpoint).Port}")
            .WithSetting("TextAnalysis:Azure:Key", "test-key-not-real")
            // Attempts as long as the budget and five retries: without the budget the call would take 6 × 800 ms or more.
            .WithSetting("TextAnalysis:Azure:AttemptTimeoutMilliseconds", "800")
            .WithSetting("TextAnalysis:Azure:MaxRetries", "5");
        using var client = factory.CreateClient();
        var analyzer = factory.Services.GetRequiredService<ITextAnalyzer>();

        var clock = Stopwatch.StartNew();
        var first = await analyzer.AnalyzeAsync("hello, I need help with my job", "en", CancellationToken.None);
        var firstMs = clock.ElapsedMilliseconds;
        for (var i = 0; i < 4; i++)
        {
            await analyzer.AnalyzeAsync("hello again", "en", CancellationToken.None);
        }

        using var ready = await client.GetAsync("/readyz");
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        output.WriteLine($"first analysis against a hanging endpoint: {firstMs} ms (budget 800 ms); readiness {report.ToJsonString()}");

        Assert.Equal("azure+local-fallback", first.Provider);
        // The budget is 800 ms; the endpoint never answers, so without it the call would run six 800 ms attempts. Wall
        // time on a loaded 2-core CI machine reached 1.1 s once against a 1.05 s bound, so the bound sits halfway: it
        // proves the budget cut the call short, not how fast the machine was.
        Assert.True(firstMs < 2_500, $"first analysis took {firstMs} ms");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", (string?)report["status"]);
        Assert.Equal("Degraded", (string?)report["checks"]!["text-analysis-cloud"]);
        hanging.Stop();
        accepted.ForEach(c => c.Dispose());
    }

    /// <summary>Reads and deletes work; every write fails as SQLite does when the disk is full.</summary>
    private sealed class FullDiskStore(IStateStore inner) : IStateStore
    {
        public Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.ReadAsync(keys, cancellationToken);

        public Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken) =>
            throw new IOException("database or disk is full");

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);
    }
}
