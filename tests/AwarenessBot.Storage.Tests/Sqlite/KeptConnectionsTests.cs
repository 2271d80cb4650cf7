using System.Globalization;
using AwarenessBot.Storage.Sqlite;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AwarenessBot.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite state store's kept connections (one writer under the write gate, a few readers, statements prepared
/// once): what they must not change (atomic batches, conflicts, a failure leaving nothing behind) and what they add
/// (reuse, disposal).
/// </summary>
public sealed class KeptConnectionsTests : BackendTests<SqliteBackend>
{
    private static readonly string Conversation = Keys.Conversation();
    private static readonly string User = Keys.User();

    [Fact]
    public async Task A_turn_after_the_first_reuses_the_reader_and_its_prepared_select()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Conversation, Counter(0)), StateWrite.Create(User, Counter(0))], CancellationToken.None);

        for (var turn = 1; turn <= 3; turn++)
        {
            var rows = await store.ReadAsync([Conversation, User], CancellationToken.None);
            await store.WriteAsync(
                [StateWrite.Replace(Conversation, Counter(turn), rows[Conversation].ETag), StateWrite.Replace(User, Counter(turn), rows[User].ETag)],
                CancellationToken.None);
        }

        var kept = store.Kept!;
        Assert.Equal(1, kept.IdleReaders);
        var reader = await kept.RentReaderAsync(CancellationToken.None);
        Assert.Equal(1, reader.PreparedCommands); // one SELECT of two keys, prepared once for three reads
        kept.Return(reader, usable: true);
        Assert.Equal(3, CountOf((await store.ReadAsync([User], CancellationToken.None))[User]));
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_always_see_both_rows_of_a_batch_together_and_every_conflict_loses_whole()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Conversation, Counter(0)), StateWrite.Create(User, Counter(0))], CancellationToken.None);
        var committed = 0;
        var conflicts = 0;
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                var rows = await store.ReadAsync([Conversation, User], CancellationToken.None);
                var next = CountOf(rows[Conversation]) + 1;
                try
                {
                    await store.WriteAsync(
                        [StateWrite.Replace(Conversation, Counter(next), rows[Conversation].ETag), StateWrite.Replace(User, Counter(next), rows[User].ETag)],
                        CancellationToken.None);
                    Interlocked.Increment(ref committed);
                }
                catch (StorageConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })).ToArray();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var rows = await store.ReadAsync([Conversation, User], CancellationToken.None);
                Assert.Equal(CountOf(rows[Conversation]), CountOf(rows[User])); // one batch, seen whole or not at all
                reads++;

                // A read completes synchronously (SQLite's calls are): without giving the thread back, four readers
                // kept four pool threads spinning until the writers were done, and every other test in the process
                // waited for a thread meanwhile (GroupCommitWriterTests' held lock was released seconds late).
                await Task.Yield();
            }

            return reads;
        })).ToArray();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(360, committed + conflicts);
        var final = await store.ReadAsync([Conversation, User], CancellationToken.None);
        Assert.Equal(committed, CountOf(final[Conversation])); // every success counted once, every loser left nothing
        Assert.Equal(committed, CountOf(final[User]));
        Assert.InRange(store.Kept!.IdleReaders, 1, KeptConnections.MaxIdleReaders);
    }

    [Fact]
    public async Task A_conflict_rolls_back_on_the_kept_writer_so_another_connection_can_write_at_once()
    {
        var store = Backend.CreateSqlStore();
        var etag = (await store.WriteAsync([StateWrite.Create(Conversation, Counter(1))], CancellationToken.None))[0];

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.WriteAsync([StateWrite.Create(User, Counter(9)), StateWrite.Replace(Conversation, Counter(9), "stale")], CancellationToken.None));

        // A transaction left open would hold SQLite's write lock: another store (its own gate) would wait 5 s and fail.
        var other = Backend.CreateSqlStore();
        await other.WriteAsync([StateWrite.Replace(Conversation, Counter(2), etag)], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(3));
        Assert.False((await store.ReadAsync([User], CancellationToken.None)).ContainsKey(User));
        var rows = await store.ReadAsync([Conversation], CancellationToken.None);
        Assert.Equal(2, CountOf(rows[Conversation]));
        await store.WriteAsync([StateWrite.Replace(Conversation, Counter(3), rows[Conversation].ETag)], CancellationToken.None);
    }

    [Fact]
    public async Task A_statement_that_fails_mid_batch_leaves_nothing_behind_and_the_store_writes_again()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(User, Counter(1))], CancellationToken.None);
        await Backend.ScalarAsync("CREATE TRIGGER refuse BEFORE INSERT ON {state} WHEN NEW.key = 'directline/users/refused' BEGIN SELECT RAISE(ABORT, 'refused'); END");

        await Assert.ThrowsAsync<SqliteException>(() =>
            store.WriteAsync([StateWrite.Create(Conversation, Counter(1)), StateWrite.Create(Keys.User("refused"), Counter(1))], CancellationToken.None));

        Assert.Equal(0, await Backend.ScalarAsync("SELECT COUNT(*) FROM {state} WHERE key = @key", ("key", Conversation)));
        var other = Backend.CreateSqlStore();
        await other.WriteAsync([StateWrite.Overwrite(Keys.User("other"), Counter(1))], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(3));
        await store.WriteAsync([StateWrite.Create(Conversation, Counter(5))], CancellationToken.None);
        Assert.Equal(5, CountOf((await store.ReadAsync([Conversation], CancellationToken.None))[Conversation]));
    }

    [Fact]
    public async Task A_cancelled_write_writes_nothing_and_leaves_the_store_usable()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(User, Counter(1))], CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteAsync([StateWrite.Create(Conversation, Counter(1))], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReadAsync([User], cancelled.Token));

        Assert.False((await store.ReadAsync([Conversation], CancellationToken.None)).ContainsKey(Conversation));
        await store.WriteAsync([StateWrite.Create(Conversation, Counter(2))], CancellationToken.None);
        Assert.Equal(2, CountOf((await store.ReadAsync([Conversation], CancellationToken.None))[Conversation]));
    }

    [Fact]
    public async Task A_disposed_store_refuses_reads_and_writes_closes_its_connections_and_keeps_what_it_wrote()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Conversation, Counter(7))], CancellationToken.None);
        await store.ReadAsync([Conversation], CancellationToken.None);
        var file = Path.GetFullPath(Backend.Options.SqliteFilePath);
        SqliteConnection.ClearAllPools(); // the pooled connections of the schema check are not the store's
        var linux = OpenHandles(file) >= 0;
        Assert.True(!linux || OpenHandles(file) > 0); // the kept writer and reader

        await store.DisposeAsync();
        await store.DisposeAsync(); // twice is harmless

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReadAsync([Conversation], CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync([StateWrite.Create(User, Counter(1))], CancellationToken.None));
        Assert.Equal(0, store.Kept!.IdleReaders);
        SqliteConnection.ClearAllPools();
        Assert.True(!linux || OpenHandles(file) == 0);
        var reopened = Backend.CreateSqlStore();
        Assert.Equal(7, CountOf((await reopened.ReadAsync([Conversation], CancellationToken.None))[Conversation]));
    }

    [Fact]
    public async Task Idle_kept_connections_hold_no_snapshot_so_a_checkpoint_empties_the_log()
    {
        var store = Backend.CreateSqlStore();
        for (var i = 0; i < 20; i++)
        {
            await store.WriteAsync([StateWrite.Overwrite(Keys.Conversation("c" + i.ToString(CultureInfo.InvariantCulture)), Counter(i))], CancellationToken.None);
            await store.ReadAsync([Keys.Conversation("c0"), Keys.Conversation("c" + i.ToString(CultureInfo.InvariantCulture))], CancellationToken.None);
        }

        // A reader or writer left inside a transaction would pin the log: TRUNCATE would report busy (1).
        Assert.Equal(0, await Backend.ScalarAsync("PRAGMA wal_checkpoint(TRUNCATE)"));
        Assert.Equal(0, new FileInfo(Backend.Options.SqliteFilePath + "-wal").Length);
        Assert.Equal(19, CountOf((await store.ReadAsync([Keys.Conversation("c19")], CancellationToken.None))[Keys.Conversation("c19")]));
    }

    [Fact]
    public async Task Readers_past_the_idle_limit_are_closed_when_given_back()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(User, Counter(1))], CancellationToken.None);
        var kept = store.Kept!;
        var rented = new List<KeptConnection>();
        for (var i = 0; i < KeptConnections.MaxIdleReaders + 2; i++)
        {
            rented.Add(await kept.RentReaderAsync(CancellationToken.None));
        }

        foreach (var reader in rented)
        {
            kept.Return(reader, usable: true);
        }

        Assert.Equal(KeptConnections.MaxIdleReaders, kept.IdleReaders);
        var broken = await kept.RentReaderAsync(CancellationToken.None);
        kept.Return(broken, usable: false); // a reader whose read failed is closed, not kept
        Assert.Equal(KeptConnections.MaxIdleReaders - 1, kept.IdleReaders);
        Assert.Equal(1, CountOf((await store.ReadAsync([User], CancellationToken.None))[User]));
    }

    protected override SqliteBackend CreateBackend() => new();

    private static string Counter(int count) => string.Create(CultureInfo.InvariantCulture, $"{{\"count\":{count}}}");

    private static int CountOf(StateDocument document) =>
        System.Text.Json.JsonDocument.Parse(document.Json).RootElement.GetProperty("count").GetInt32();

    /// <summary>This process's open file descriptors on the file (Linux); -1 where /proc is not there.</summary>
    private static int OpenHandles(string file)
    {
        if (!Directory.Exists("/proc/self/fd"))
        {
            return -1;
        }

        var count = 0;
        foreach (var fd in Directory.EnumerateFiles("/proc/self/fd"))
        {
            try
            {
                if (string.Equals(new FileInfo(fd).LinkTarget, file, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // closed meanwhile
            }
        }

        return count;
    }
}
