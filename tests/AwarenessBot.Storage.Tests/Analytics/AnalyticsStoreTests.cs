using AwarenessBot.Catalog;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwarenessBot.Storage.Tests.Analytics;

/// <summary>Events go through the sink and writer to the backend; aggregates come back suppressed below 5.</summary>
public abstract class AnalyticsStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly First = DateOnly.FromDateTime(Day1.UtcDateTime);

    private StorageBackend _backend = null!;
    private ChannelAnalyticsSink _sink = null!;
    private Func<Task<int>> _drain = null!;
    private AnalyticsQuery _query = null!;
    private AnalyticsCounters _counters = null!;

    public Task InitializeAsync()
    {
        _backend = CreateBackend();
        var store = _backend.CreateAnalyticsStore();
        _counters = new AnalyticsCounters();
        _sink = new ChannelAnalyticsSink(new AnalyticsOptions(), _counters);
        // Never started, so nothing to dispose: the tests drain the buffer themselves.
#pragma warning disable CA2000
        var writer = new AnalyticsWriter(_sink, store, _counters, NullLogger<AnalyticsWriter>.Instance);
#pragma warning restore CA2000
        _drain = () => writer.DrainAsync(CancellationToken.None);
        _query = new AnalyticsQuery(store);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _backend.DisposeAsync();
    }

    [DbFact]
    public async Task Four_sessions_show_as_under_five_and_five_show_as_five()
    {
        Sessions(4, Day1, region: "NS", channel: "webchat");
        Sessions(5, Day1.AddDays(1), region: "QC", channel: "webchat");
        await _drain();

        var result = await _query.GetAggregatesAsync(First, First.AddDays(1), CancellationToken.None);

        Assert.Equal(["2026-11-02:<5", "2026-11-03:5"], result.SessionsByDay.Select(r => $"{r.Label}:{r.Count}"));
        Assert.Equal(["NS:<5", "QC:5"], result.SessionsByRegion.Select(r => $"{r.Label}:{r.Count}"));
        Assert.Equal(["webchat:9"], result.SessionsByChannel.Select(r => $"{r.Label}:{r.Count}"));
        Assert.Null(result.SessionsByRegion[0].Count.Value);
        Assert.Equal(5, result.SessionsByRegion[1].Count.Value);
    }

    [DbFact]
    public async Task Funnel_counts_distinct_sessions_and_hides_rates_next_to_small_counts()
    {
        for (var i = 0; i < 6; i++)
        {
            var session = AnalyticsSessionKey.New();
            Record(AnalyticsEventNames.ModuleStarted, session, Day1, ("module", "online_grooming"));
            Record(AnalyticsEventNames.ModuleStarted, session, Day1, ("module", "online_grooming")); // restart: same session
            Record(AnalyticsEventNames.ModuleStarted, session, Day1, ("module", "fake_jobs"));
            if (i < 5)
            {
                Record(AnalyticsEventNames.ModuleCompleted, session, Day1, ("module", "online_grooming"));
            }

            if (i < 2)
            {
                Record(AnalyticsEventNames.ModuleCompleted, session, Day1, ("module", "fake_jobs"));
            }
        }

        await _drain();
        var funnel = (await _query.GetAggregatesAsync(First, First, CancellationToken.None)).ModuleFunnel;

        var grooming = Assert.Single(funnel, r => r.Module == "online_grooming");
        Assert.Equal("6/5", $"{grooming.Started}/{grooming.Completed}");
        Assert.Equal(0.833, grooming.CompletionRate);
        var jobs = Assert.Single(funnel, r => r.Module == "fake_jobs");
        Assert.Equal("6/<5", $"{jobs.Started}/{jobs.Completed}");
        Assert.Null(jobs.CompletionRate);
    }

    [DbFact]
    public async Task Quiz_services_and_crises_are_aggregated_and_suppressed()
    {
        for (var i = 0; i < 7; i++)
        {
            var session = AnalyticsSessionKey.New();
            Record(AnalyticsEventNames.QuizAnswered, session, Day1, ("module", "sextortion"), ("correct", i < 6 ? "true" : "false"));
            Record(AnalyticsEventNames.ServicesShown, session, Day1, ("need", "shelter"), ("region", "ON"), ("service_id", "on-shelter-1"));
            if (i < 3)
            {
                Record(AnalyticsEventNames.CrisisRaised, session, Day1, ("category", "immediate_danger"));
            }
        }

        await _drain();
        var result = await _query.GetAggregatesAsync(First, First, CancellationToken.None);

        var quiz = Assert.Single(result.Quiz);
        Assert.Equal("7/6", $"{quiz.Answered}/{quiz.Correct}");
        Assert.Equal(0.857, quiz.CorrectRate);
        Assert.Equal("7", Assert.Single(result.ServicesShownByRegion, r => r.Label == "ON").Count.ToString());
        Assert.Equal("<5", Assert.Single(result.CrisesByCategory, r => r.Label == "immediate_danger").Count.ToString());
    }

    [DbFact]
    public async Task Events_outside_the_date_range_are_not_counted()
    {
        Sessions(6, Day1.AddDays(-1), region: "BC", channel: "webchat");
        Sessions(6, Day1.AddDays(1), region: "BC", channel: "webchat");
        await _drain();

        Assert.Empty((await _query.GetAggregatesAsync(First, First, CancellationToken.None)).SessionsByDay);
    }

    protected abstract StorageBackend CreateBackend();

    private void Sessions(int count, DateTimeOffset at, string region, string channel)
    {
        for (var i = 0; i < count; i++)
        {
            Record(AnalyticsEventNames.SessionStarted, AnalyticsSessionKey.New(), at,
                ("channel", channel), ("locale", "en"), ("audience", "youth"), ("age_band", "13_15"), ("region", region));
        }
    }

    private void Record(string name, string session, DateTimeOffset at, params (string Key, string Value)[] dimensions)
        => _sink.Record(new AnalyticsEvent(name, session, at, dimensions.ToDictionary(d => d.Key, d => d.Value)));
}

public sealed class MemoryAnalyticsStoreTests : AnalyticsStoreTests
{
    protected override StorageBackend CreateBackend() => new MemoryBackend();
}

public sealed class SqliteAnalyticsStoreTests : AnalyticsStoreTests
{
    protected override StorageBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresAnalyticsStoreTests : AnalyticsStoreTests
{
    protected override StorageBackend CreateBackend() => new PostgresBackend();
}
