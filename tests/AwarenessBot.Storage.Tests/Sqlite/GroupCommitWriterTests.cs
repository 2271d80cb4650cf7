using System.Globalization;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AwarenessBot.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite store commits the turns' batches that wait at one moment in one transaction, a savepoint each. What
/// that must not change: each batch is all or nothing and its own (a conflict or a failing statement fails only its
/// caller), a cancelled caller writes nothing, and nothing accepted is lost on shutdown. The batches are made to wait
/// by holding SQLite's write lock from another connection, as another process would.
/// </summary>
public sealed class GroupCommitWriterTests : BackendTests<SqliteBackend>
{
    [Fact]
    public async Task Batches_waiting_together_share_a_commit_and_a_stale_one_among_them_loses_alone_and_whole()
    {
        var store = Backend.CreateSqlStore();
        var stale = Keys.Conversation("stale");
        var staleETag = (await store.WriteAsync([StateWrite.Create(stale, Counter(1))], CancellationToken.None))[0];
        await store.WriteAsync([StateWrite.Replace(stale, Counter(2), staleETag)], CancellationToken.None);
        var commitsBefore = store.Committer!.Commits;

        List<Task<IReadOnlyList<string>>> writes;
        await using (await HoldWriteLockAsync())
        {
            writes = [.. Enumerable.Range(0, 6).Select(i => store.WriteAsync(
                i == 3
                    ? [StateWrite.Create(Keys.User("u3"), Counter(3)), StateWrite.Replace(stale, Counter(9), staleETag)]
                    : [StateWrite.Create(Keys.Conversation(Name(i)), Counter(i)), StateWrite.Create(Keys.User(Name(i)), Counter(i))],
                CancellationToken.None))];
            await Task.Delay(200);
            Assert.All(writes, write => Assert.False(write.IsCompleted)); // nothing commits while the lock is held
        }

        await Assert.ThrowsAsync<StorageConflictException>(() => writes[3]);
        foreach (var i in new[] { 0, 1, 2, 4, 5 })
        {
            Assert.Equal(2, (await writes[i]).Count);
            var rows = await store.ReadAsync([Keys.Conversation(Name(i)), Keys.User(Name(i))], CancellationToken.None);
            Assert.Equal(i, CountOf(rows[Keys.Conversation(Name(i))]));
            Assert.Equal(i, CountOf(rows[Keys.User(Name(i))]));
        }

        Assert.False((await store.ReadAsync([Keys.User("u3")], CancellationToken.None)).ContainsKey(Keys.User("u3"))); // its savepoint rolled back
        Assert.Equal(2, CountOf((await store.ReadAsync([stale], CancellationToken.None))[stale]));
        Assert.InRange(store.Committer.Commits - commitsBefore, 1, 2); // the first may have been taken alone before the others came
    }

    [Fact]
    public async Task A_later_batch_in_the_same_commit_sees_an_earlier_one_and_conflicts_on_its_etag()
    {
        var store = Backend.CreateSqlStore();
        var user = Keys.User("shared");
        var etag = (await store.WriteAsync([StateWrite.Create(user, Counter(1))], CancellationToken.None))[0];

        Task<IReadOnlyList<string>> first, second;
        await using (await HoldWriteLockAsync())
        {
            first = store.WriteAsync([StateWrite.Replace(user, Counter(2), etag)], CancellationToken.None);
            second = store.WriteAsync([StateWrite.Replace(user, Counter(3), etag)], CancellationToken.None);
            await Task.Delay(100);
        }

        await first;
        await Assert.ThrowsAsync<StorageConflictException>(() => second); // as when the two were written one after the other
        Assert.Equal(2, CountOf((await store.ReadAsync([user], CancellationToken.None))[user]));
    }

    [Fact]
    public async Task A_statement_failing_in_a_shared_commit_fails_only_its_own_batch()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Keys.User("first"), Counter(0))], CancellationToken.None);
        await Backend.ScalarAsync("CREATE TRIGGER refuse BEFORE INSERT ON {state} WHEN NEW.key = 'directline/users/refused' BEGIN SELECT RAISE(ABORT, 'refused'); END");

        Task<IReadOnlyList<string>> before, failing, after;
        await using (await HoldWriteLockAsync())
        {
            before = store.WriteAsync([StateWrite.Create(Keys.Conversation("before"), Counter(1))], CancellationToken.None);
            failing = store.WriteAsync([StateWrite.Create(Keys.Conversation("with-refused"), Counter(2)), StateWrite.Create(Keys.User("refused"), Counter(2))], CancellationToken.None);
            after = store.WriteAsync([StateWrite.Create(Keys.Conversation("after"), Counter(3))], CancellationToken.None);
            await Task.Delay(200);
        }

        await before;
        await after;
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        var rows = await store.ReadAsync([Keys.Conversation("before"), Keys.Conversation("with-refused"), Keys.Conversation("after")], CancellationToken.None);
        Assert.Equal(1, CountOf(rows[Keys.Conversation("before")]));
        Assert.Equal(3, CountOf(rows[Keys.Conversation("after")]));
        Assert.False(rows.ContainsKey(Keys.Conversation("with-refused")));
        await store.WriteAsync([StateWrite.Create(Keys.Conversation("later"), Counter(4))], CancellationToken.None);
    }

    [Fact]
    public async Task A_caller_cancelled_while_its_batch_waits_writes_nothing()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Keys.User("first"), Counter(0))], CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Task<IReadOnlyList<string>> taken, cancelled;
        await using (await HoldWriteLockAsync())
        {
            taken = store.WriteAsync([StateWrite.Create(Keys.Conversation("taken"), Counter(1))], CancellationToken.None);
            await Task.Delay(100); // taken by the loop, which now waits for the lock
            cancelled = store.WriteAsync([StateWrite.Create(Keys.Conversation("cancelled"), Counter(2))], cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        await taken;
        var rows = await store.ReadAsync([Keys.Conversation("taken"), Keys.Conversation("cancelled")], CancellationToken.None);
        Assert.True(rows.ContainsKey(Keys.Conversation("taken")));
        Assert.False(rows.ContainsKey(Keys.Conversation("cancelled")));
    }

    [Fact]
    public async Task Disposing_the_store_commits_every_batch_it_accepted()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Keys.User("first"), Counter(0))], CancellationToken.None);
        Task<IReadOnlyList<string>>[] accepted;
        Task disposing;
        await using (await HoldWriteLockAsync())
        {
            accepted = [.. Enumerable.Range(0, 5).Select(i => store.WriteAsync([StateWrite.Create(Keys.Conversation(Name(i)), Counter(i))], CancellationToken.None))];
            disposing = Task.Run(() => store.Dispose());
            await Task.Delay(200);
            Assert.False(disposing.IsCompleted); // shutdown waits for what was accepted
        }

        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(accepted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync([StateWrite.Create(Keys.User("late"), Counter(9))], CancellationToken.None));
        var reopened = Backend.CreateSqlStore();
        var rows = await reopened.ReadAsync([.. Enumerable.Range(0, 5).Select(i => Keys.Conversation(Name(i))), Keys.User("late")], CancellationToken.None);
        Assert.Equal(5, rows.Count);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(i, CountOf(rows[Keys.Conversation(Name(i))])));
    }

    protected override SqliteBackend CreateBackend() => new();

    private static string Name(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    private static string Counter(int count) => string.Create(CultureInfo.InvariantCulture, $"{{\"count\":{count}}}");

    private static int CountOf(StateDocument document) =>
        System.Text.Json.JsonDocument.Parse(document.Json).RootElement.GetProperty("count").GetInt32();

    /// <summary>SQLite's write lock held by another connection (as another process would) until disposed.</summary>
    private async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={Backend.Options.SqliteFilePath};Pooling=False");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        return new WriteLock(connection);
    }

    private sealed class WriteLock(SqliteConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var commit = connection.CreateCommand())
            {
                commit.CommandText = "COMMIT";
                await commit.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
