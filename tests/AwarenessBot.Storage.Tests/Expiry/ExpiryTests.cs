using AwarenessBot.Storage.ClassResults;
using AwarenessBot.Storage.Expiry;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwarenessBot.Storage.Tests.Expiry;

/// <summary>Rows idle past their TTL are invisible at once and deleted by the sweeper, by kind, in both backends.</summary>
public abstract class ExpiryTests : IAsyncLifetime
{
    private StorageBackend _backend = null!;
    private SqlStateStore _storage = null!;
    private IClassResultsStore _classResults = null!;

    public Task InitializeAsync()
    {
        _backend = CreateBackend();
        _storage = _backend.CreateSqlStore();
        _classResults = _backend.CreateClassResultsStore();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [DbFact]
    public async Task A_conversation_idle_past_its_ttl_reads_as_absent_before_any_sweep()
    {
        await WriteAsync(Keys.Conversation(), Keys.User());

        _backend.Time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromSeconds(1));

        var read = await _storage.ReadAsync([Keys.Conversation(), Keys.User()], CancellationToken.None);
        Assert.False(read.ContainsKey(Keys.Conversation()));
        Assert.True(read.ContainsKey(Keys.User()));
        Assert.Equal(2, await CountRowsAsync()); // still there: only the read hides it
    }

    [DbFact]
    public async Task A_conversation_used_within_its_ttl_stays()
    {
        await WriteAsync(Keys.Conversation());

        _backend.Time.Advance(TimeSpan.FromHours(2));
        await _storage.WriteAsync([StateWrite.Overwrite(Keys.Conversation(), """{"count":2}""")], CancellationToken.None);
        _backend.Time.Advance(TimeSpan.FromHours(2));

        Assert.Single(await _storage.ReadAsync([Keys.Conversation()], CancellationToken.None));
    }

    [DbFact]
    public async Task The_sweep_deletes_rows_idle_past_the_ttl_of_their_kind_only()
    {
        await WriteAsync(Keys.Conversation(), Keys.Conversation() + "/users/user-1", Keys.User(), "global-settings");

        _backend.Time.Advance(TimeSpan.FromHours(4));
        var deleted = await Sweeper().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state} WHERE kind = 'conversation'"));
        Assert.Equal(1, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state} WHERE kind = 'user'"));
        Assert.Equal(1, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state} WHERE kind = 'other'"));

        _backend.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(2, await Sweeper().SweepOnceAsync(CancellationToken.None));
        Assert.Equal(0, await CountRowsAsync());
    }

    [DbFact]
    public async Task The_sweep_deletes_the_expired_rows_between_fresh_ones_over_several_batches()
    {
        // SQLite finds expired rows by a scan in rowid order, a batch at a time: expired and fresh rows interleave.
        _storage.SweepBatchSize = 4;
        var keys = Enumerable.Range(0, 12).Select(i => Keys.Conversation() + "/private/" + i).ToArray();
        await WriteAsync(keys);
        _backend.Time.Advance(TimeSpan.FromHours(2));
        var fresh = keys.Where((_, i) => i % 2 == 0).ToArray();
        await _storage.WriteAsync([.. fresh.Select(k => StateWrite.Overwrite(k, """{"count":2}"""))], CancellationToken.None);
        _backend.Time.Advance(TimeSpan.FromHours(1.5));

        Assert.Equal(6, await Sweeper().SweepOnceAsync(CancellationToken.None));

        Assert.Equal(6, await CountRowsAsync());
        Assert.Equal(fresh.Order(StringComparer.Ordinal), (await _storage.ReadAsync(keys, CancellationToken.None)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await Sweeper().SweepOnceAsync(CancellationToken.None));
    }

    [DbFact]
    public async Task A_new_conversation_may_be_created_over_an_expired_row_not_yet_swept()
    {
        await _storage.WriteAsync([StateWrite.Create(Keys.Conversation(), """{"counter":41}""")], CancellationToken.None);

        _backend.Time.Advance(TimeSpan.FromHours(5));

        // The read saw nothing, so the next turn creates: the expired row must not make that a conflict.
        Assert.Empty(await _storage.ReadAsync([Keys.Conversation()], CancellationToken.None));
        await _storage.WriteAsync([StateWrite.Create(Keys.Conversation(), """{"counter":1}""")], CancellationToken.None);
        Assert.Equal(1, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state}"));
        var json = (await _storage.ReadAsync([Keys.Conversation()], CancellationToken.None))[Keys.Conversation()].Json;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(1, document.RootElement.GetProperty("counter").GetInt32());
    }

    [DbFact]
    public async Task The_sweeper_runs_again_on_each_interval_of_the_injected_clock()
    {
        var sweeper = Sweeper();
        await WriteAsync(Keys.Conversation());
        await sweeper.StartAsync(CancellationToken.None);
        try
        {
            _backend.Time.Advance(TimeSpan.FromHours(4));
            _backend.Time.Advance(_backend.Options.SweepInterval);

            // The tick runs on the thread pool; poll the database (bounded) rather than assume when it finished.
            for (var i = 0; i < 200 && await CountRowsAsync() > 0; i++)
            {
                await Task.Delay(25);
            }

            Assert.Equal(0, await CountRowsAsync());
        }
        finally
        {
            await sweeper.StopAsync(CancellationToken.None);
        }
    }

    [DbFact]
    public async Task The_sweep_also_deletes_expired_lesson_codes_and_their_counts()
    {
        var code = (await _classResults.CreateAsync("13-15", CancellationToken.None)).Code;
        Assert.True(await _classResults.CountAsync(code, "what_is_it", "1", "0123456789abcdef0123456789abcdef", CancellationToken.None));

        _backend.Time.Advance(TimeSpan.FromDays(1));
        await Sweeper().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_codes}"));
        Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_counts}"));
        Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_answered}"));
    }

    protected abstract StorageBackend CreateBackend();

    private StateSweeper Sweeper() => new(_storage, _classResults, _backend.Options, _backend.Time, NullLogger<StateSweeper>.Instance);

    private Task<long> CountRowsAsync() => _backend.ScalarAsync("SELECT COUNT(*) FROM {state}");

    private Task<IReadOnlyList<string>> WriteAsync(params string[] keys)
        => _storage.WriteAsync([.. keys.Select(k => StateWrite.Create(k, """{"count":1}"""))], CancellationToken.None);
}

public sealed class SqliteExpiryTests : ExpiryTests
{
    protected override StorageBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresExpiryTests : ExpiryTests
{
    protected override StorageBackend CreateBackend() => new PostgresBackend();
}
