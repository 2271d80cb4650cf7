using System.Globalization;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AwarenessBot.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite store commits the turns' batches that wait at one moment in one transaction, a savepoint each. What
/// that must not change: each batch is all or nothing and its own (a conflict or a failing statement fails only its
/// caller), a cancelled caller writes nothing, and nothing accepted is lost on shutdown.
/// <para>How the batches are made to wait, without sleeping: the test holds the store's write turn (the in-process
/// gate every write of the store takes), queues a first batch and waits until the loop has taken it (it then waits for
/// the turn), so whatever it queues next is in the queue together when the turn is given back. The turn is awaited, so
/// a slow machine only makes the test slower. (These tests used to hold SQLite's own lock from another connection for
/// 100–200 ms: on a loaded machine, a release delayed past the writer's 5 s busy timeout failed the writes with
/// "database is locked".)</para>
/// </summary>
public sealed class GroupCommitWriterTests : BackendTests<SqliteBackend>
{
    /// <summary>Only against a hang: a test that works never comes near it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Batches_waiting_together_share_a_commit_and_a_stale_one_among_them_loses_alone_and_whole()
    {
        var store = Backend.CreateSqlStore();
        var stale = Keys.Conversation("stale");
        var staleETag = (await store.WriteAsync([StateWrite.Create(stale, Counter(1))], CancellationToken.None))[0];
        await store.WriteAsync([StateWrite.Replace(stale, Counter(2), staleETag)], CancellationToken.None);
        var commitsBefore = store.Committer!.Commits;

        List<Task<IReadOnlyList<string>>> writes;
        Task<IReadOnlyList<string>> first;
        using (await store.Gate.EnterWriteAsync(CancellationToken.None))
        {
            first = await TakenByTheLoopAsync(store, Keys.User("first"));
            writes = [.. Enumerable.Range(0, 6).Select(i => store.WriteAsync(
                i == 3
                    ? [StateWrite.Create(Keys.User("u3"), Counter(3)), StateWrite.Replace(stale, Counter(9), staleETag)]
                    : [StateWrite.Create(Keys.Conversation(Name(i)), Counter(i)), StateWrite.Create(Keys.User(Name(i)), Counter(i))],
                CancellationToken.None))];
            Assert.All(writes.Append(first), write => Assert.False(write.IsCompleted)); // nothing commits without the turn
        }

        await first;
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
        Assert.Equal(2, store.Committer.Commits - commitsBefore); // the first alone, then the six that waited together
    }

    [Fact]
    public async Task A_later_batch_in_the_same_commit_sees_an_earlier_one_and_conflicts_on_its_etag()
    {
        var store = Backend.CreateSqlStore();
        var user = Keys.User("shared");
        var etag = (await store.WriteAsync([StateWrite.Create(user, Counter(1))], CancellationToken.None))[0];
        var commitsBefore = store.Committer!.Commits;

        Task<IReadOnlyList<string>> taken, first, second;
        using (await store.Gate.EnterWriteAsync(CancellationToken.None))
        {
            taken = await TakenByTheLoopAsync(store, Keys.User("taken"));
            first = store.WriteAsync([StateWrite.Replace(user, Counter(2), etag)], CancellationToken.None);
            second = store.WriteAsync([StateWrite.Replace(user, Counter(3), etag)], CancellationToken.None);
        }

        await taken;
        await first;
        await Assert.ThrowsAsync<StorageConflictException>(() => second); // as when the two were written one after the other
        Assert.Equal(2, CountOf((await store.ReadAsync([user], CancellationToken.None))[user]));
        Assert.Equal(2, store.Committer.Commits - commitsBefore); // the two shared one commit
    }

    [Fact]
    public async Task A_statement_failing_in_a_shared_commit_fails_only_its_own_batch()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Keys.User("first"), Counter(0))], CancellationToken.None);
        await Backend.ScalarAsync("CREATE TRIGGER refuse BEFORE INSERT ON {state} WHEN NEW.key = 'directline/users/refused' BEGIN SELECT RAISE(ABORT, 'refused'); END");

        Task<IReadOnlyList<string>> taken, before, failing, after;
        using (await store.Gate.EnterWriteAsync(CancellationToken.None))
        {
            taken = await TakenByTheLoopAsync(store, Keys.User("taken"));
            before = store.WriteAsync([StateWrite.Create(Keys.Conversation("before"), Counter(1))], CancellationToken.None);
            failing = store.WriteAsync([StateWrite.Create(Keys.Conversation("with-refused"), Counter(2)), StateWrite.Create(Keys.User("refused"), Counter(2))], CancellationToken.None);
            after = store.WriteAsync([StateWrite.Create(Keys.Conversation("after"), Counter(3))], CancellationToken.None);
        }

        await taken;
        await before;
        await after;
        var refused = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
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
        using (await store.Gate.EnterWriteAsync(CancellationToken.None))
        {
            taken = await TakenByTheLoopAsync(store, Keys.Conversation("taken"));
            cancelled = store.WriteAsync([StateWrite.Create(Keys.Conversation("cancelled"), Counter(2))], cancel.Token); // waits in the queue
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        await taken;
        await store.WriteAsync([StateWrite.Create(Keys.Conversation("next"), Counter(3))], CancellationToken.None); // the loop went past the cancelled batch
        var rows = await store.ReadAsync([Keys.Conversation("taken"), Keys.Conversation("cancelled"), Keys.Conversation("next")], CancellationToken.None);
        Assert.True(rows.ContainsKey(Keys.Conversation("taken")));
        Assert.False(rows.ContainsKey(Keys.Conversation("cancelled")));
        Assert.True(rows.ContainsKey(Keys.Conversation("next")));
    }

    [Fact]
    public async Task Disposing_the_store_commits_every_batch_it_accepted()
    {
        var store = Backend.CreateSqlStore();
        await store.WriteAsync([StateWrite.Create(Keys.User("first"), Counter(0))], CancellationToken.None);
        List<Task<IReadOnlyList<string>>> accepted;
        Task disposing;
        var probes = 0;
        using (await store.Gate.EnterWriteAsync(CancellationToken.None))
        {
            accepted = [await TakenByTheLoopAsync(store, Keys.User("taken")), .. Enumerable.Range(0, 5).Select(i => store.WriteAsync([StateWrite.Create(Keys.Conversation(Name(i)), Counter(i))], CancellationToken.None))];
            disposing = Task.Run(() => store.Dispose());

            // Shutdown has begun once a new batch is refused; until then each probe is one more batch accepted.
            while (true)
            {
                // The store queues synchronously: a refused batch's task has already failed when it is returned.
                var probe = store.WriteAsync([StateWrite.Create(Keys.User("probe" + probes.ToString(CultureInfo.InvariantCulture)), Counter(probes))], CancellationToken.None);
                if (probe.IsFaulted)
                {
                    await Assert.ThrowsAsync<ObjectDisposedException>(() => probe);
                    break;
                }

                accepted.Add(probe);
                probes++;
                await Task.Yield();
                Assert.False(disposing.IsCompleted); // it cannot end while its accepted batches wait for the turn
            }

            Assert.False(disposing.IsCompleted); // shutdown waits for what was accepted
        }

        await disposing.WaitAsync(HangGuard);
        await Task.WhenAll(accepted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync([StateWrite.Create(Keys.User("late"), Counter(9))], CancellationToken.None));
        var reopened = Backend.CreateSqlStore();
        var probeKeys = Enumerable.Range(0, probes).Select(p => Keys.User("probe" + p.ToString(CultureInfo.InvariantCulture)));
        var rows = await reopened.ReadAsync([.. Enumerable.Range(0, 5).Select(i => Keys.Conversation(Name(i))), Keys.User("taken"), .. probeKeys, Keys.User("late")], CancellationToken.None);
        Assert.Equal(6 + probes, rows.Count); // every accepted batch, the late one not
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(i, CountOf(rows[Keys.Conversation(Name(i))])));
    }

    protected override SqliteBackend CreateBackend() => new();

    private static string Name(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    private static string Counter(int count) => string.Create(CultureInfo.InvariantCulture, $"{{\"count\":{count}}}");

    private static int CountOf(StateDocument document) =>
        System.Text.Json.JsonDocument.Parse(document.Json).RootElement.GetProperty("count").GetInt32();

    /// <summary>
    /// Queues a batch (a create of <paramref name="key"/>) and returns once the loop has taken it: with the write turn
    /// held by the test, the loop then waits for it, and every batch queued meanwhile waits in the queue to be taken
    /// together. The returned task is that batch's.
    /// </summary>
    private static async Task<Task<IReadOnlyList<string>>> TakenByTheLoopAsync(SqlStateStore store, string key)
    {
        var took = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Committer!.Taken = _ => took.TrySetResult();
        try
        {
            var write = store.WriteAsync([StateWrite.Create(key, Counter(0))], CancellationToken.None);
            await took.Task.WaitAsync(HangGuard);
            return write;
        }
        finally
        {
            store.Committer.Taken = null;
        }
    }
}
