using System.Globalization;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.State;
using BenchmarkDotNet.Attributes;
using Micro.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Storage;

/// <summary>
/// The storage share of a turn as the turn runner does it (<c>TurnStateStore</c>): one read of the conversation and
/// user rows, one compare-and-set batch of both; and the analytics writer's batch (a second of turns' events in one
/// transaction, which holds SQLite's single write lock the turns queue for). SQLite under /tmp, as the host.
/// </summary>
[MemoryDiagnoser]
public class StateStoreTurnBenchmarks
{
    private const int Conversations = 256;
    private const int EventsPerBatch = 500;
    private const int ConcurrentTurns = 32;
    private static readonly string ConversationJson = "{\"dialog\":{\"Version\":1,\"Welcomed\":true,\"Stack\":[{\"Flow\":\"online_safety\",\"Step\":\"quiz\"}]}," + "\"processed\":[]}";
    private const string UserJson = "{\"profile\":{\"Locale\":\"en\",\"AgeBand\":\"13-15\",\"Region\":\"ON\",\"Audience\":\"youth\"}}";
    private SqliteStorageHost _host = null!;
    private IStateStore _store = null!;
    private IAnalyticsStore _analytics = null!;
    private AnalyticsEvent[] _events = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = new SqliteStorageHost(Path.GetTempPath(), "statestore-bench", (services, configuration) => services.AddSingleton(TimeProvider.System).AddBotStorage(configuration));
        _store = _host.Services.GetRequiredService<IStateStore>();
        _analytics = _host.Services.GetRequiredService<IAnalyticsStore>();
        for (var i = 0; i < Conversations; i++)
        {
            _store.WriteAsync([StateWrite.Overwrite(ConversationKey(i), ConversationJson), StateWrite.Overwrite(UserKey(i), UserJson)], CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        var at = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        _events = [.. Enumerable.Range(0, EventsPerBatch).Select(i => new AnalyticsEvent(
            "step_entered", "3f9c2b7a1d4e4f6a8b0c9d2e1f3a5b7c", at, new Dictionary<string, string> { ["flow"] = "online_safety", ["step"] = "quiz" }))];
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>One read of both rows, one compare-and-set of both: one turn's state traffic.</summary>
    [Benchmark]
    public async Task TurnReadAndWrite()
    {
        var i = _next++ % Conversations;
        var (conversation, user) = (ConversationKey(i), UserKey(i));
        var rows = await _store.ReadAsync([conversation, user], CancellationToken.None);
        await _store.WriteAsync(
            [StateWrite.Replace(conversation, ConversationJson, rows[conversation].ETag), StateWrite.Replace(user, UserJson, rows[user].ETag)],
            CancellationToken.None);
    }

    /// <summary>
    /// The read alone (one SELECT of both rows on a kept reader, prepared once; a pooled connection opened per read
    /// before `perf7`): no commit, so no disk wait, the steadier figure.
    /// </summary>
    [Benchmark]
    public async Task<int> TurnRead()
    {
        var i = _next++ % Conversations;
        var rows = await _store.ReadAsync([ConversationKey(i), UserKey(i)], CancellationToken.None);
        return rows.Count;
    }

    /// <summary>
    /// 32 turns' state traffic at once, on 32 conversations (the load generator's concurrency), per turn: the writes
    /// queue for SQLite's one writer, so this is where committing the waiting turns together shows (`perf11`).
    /// </summary>
    [Benchmark(OperationsPerInvoke = ConcurrentTurns)]
    public Task ConcurrentTurnsReadAndWrite()
    {
        var first = _next;
        _next += ConcurrentTurns;
        var turns = new Task[ConcurrentTurns];
        for (var t = 0; t < ConcurrentTurns; t++)
        {
            var i = (first + t) % Conversations;
            turns[t] = Task.Run(async () =>
            {
                var (conversation, user) = (ConversationKey(i), UserKey(i));
                var rows = await _store.ReadAsync([conversation, user], CancellationToken.None);
                await _store.WriteAsync(
                    [StateWrite.Replace(conversation, ConversationJson, rows[conversation].ETag), StateWrite.Replace(user, UserJson, rows[user].ETag)],
                    CancellationToken.None);
            });
        }

        return Task.WhenAll(turns);
    }

    /// <summary>Per event, in a batch of 500 (the analytics writer's shape).</summary>
    [Benchmark(OperationsPerInvoke = EventsPerBatch)]
    public Task AnalyticsBatch() => _analytics.AppendAsync(_events, CancellationToken.None);

    private static string ConversationKey(int i) => string.Create(CultureInfo.InvariantCulture, $"emulator/conversations/bench-{i}");

    private static string UserKey(int i) => string.Create(CultureInfo.InvariantCulture, $"emulator/users/bench-user-{i}");
}
