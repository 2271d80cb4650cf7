using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// Two turns of the same conversation reach two instances at the same moment. Compare-and-set storage and the
/// bot's retry must never lose one of them silently: both are applied in some order, or the loser is told to
/// repeat — and never a 500.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The log captures hold no resources; their Dispose is empty.")]
public sealed class PostgresConcurrentTurnTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 20;
    private const string PleaseRepeatKey = "(please repeat)";
    private readonly string _schema = TestPostgres.NewSchemaName();
    private readonly FakeLogCollector _logsA = new();
    private readonly FakeLogCollector _logsB = new();
    private readonly List<IAsyncDisposable> _hosts = [];
    private WebApplicationFactory<Program>? _hostA;
    private WebApplicationFactory<Program>? _hostB;

    public Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is null)
        {
            _hostA = Own(Own(TestHosts.Postgres(_schema)).WithLogCapture(_logsA));
            _hostB = Own(Own(TestHosts.Postgres(_schema)).WithLogCapture(_logsB));
        }

        return Task.CompletedTask;
    }

    [PostgresFact]
    public async Task Simultaneous_turns_on_two_instances_are_both_applied_or_one_is_asked_again()
    {
        using var a = _hostA!.CreateClient();
        using var b = _hostB!.CreateClient();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var round = 0; round < Rounds; round++)
        {
            var conversation = new BotConversation();
            await SqliteRestartTests.ExpectAsync(conversation.StartAsync(a), "system_welcome_intro", "system_welcome_language");

            // "1" at the language step means English; "1" at the next step means youth. Applied one after the other
            // they give [who] and [age]; a lost update would answer [who] twice.
            using var gate = new SemaphoreSlim(0);
            var first = SayAfterAsync(gate, conversation, a, "1");
            var second = SayAfterAsync(gate, conversation, b, "1");
            gate.Release(2);
            var answers = new[] { Name(await first), Name(await second) }.Order(StringComparer.Ordinal).ToArray();
            var outcome = string.Join(" + ", answers);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

            if (answers.SequenceEqual(["system_welcome_age", "system_welcome_who"]))
            {
                // Both applied: the conversation is at the age step ("2" = 13-15, then the region question).
                await SqliteRestartTests.ExpectAsync(conversation.SayAsync(a, "2"), "system_welcome_region");
            }
            else if (answers.SequenceEqual([PleaseRepeatKey, "system_welcome_who"]))
            {
                // One applied, the other answered honestly: the conversation is at the "who are you" step.
                await SqliteRestartTests.ExpectAsync(conversation.SayAsync(b, "1"), "system_welcome_age");
            }
            else
            {
                Assert.Fail($"round {round}: a turn was lost or answered wrongly: [{outcome}]");
            }
        }

        var conflicts = _logsA.GetSnapshot().Concat(_logsB.GetSnapshot()).Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("State conflict", StringComparison.Ordinal));
        output.WriteLine($"{Rounds} rounds: {string.Join("; ", outcomes.Select(o => $"{o.Key} ×{o.Value}"))}; state conflicts retried: {conflicts}");
        Assert.DoesNotContain(_logsA.GetSnapshot().Concat(_logsB.GetSnapshot()), e => e.Level >= LogLevel.Error);
    }

    private static async Task<BotTurn> SayAfterAsync(SemaphoreSlim gate, BotConversation conversation, HttpClient client, string text)
    {
        await gate.WaitAsync();
        return await conversation.SayAsync(client, text);
    }

    /// <summary>The turn's answer by key; the safe "please repeat" message has no response key, so it is named by its text.</summary>
    private static string Name(BotTurn turn)
    {
        var repeat = AwarenessBot.Turns.SafeErrorMessage.PleaseRepeat("emulator").Text;
        return turn.Activities.Count == 1 && turn.FirstText == repeat ? PleaseRepeatKey : string.Join(",", turn.Keys);
    }

    private T Own<T>(T host)
        where T : IAsyncDisposable
    {
        _hosts.Add(host);
        return host;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        if (TestPostgres.ConnectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_schema);
        }
    }
}
