using System.Data.Common;
using System.Threading.Channels;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.Sqlite;

/// <summary>
/// The SQLite state store's writes, committed together: each turn's batch is queued, and one loop commits every batch
/// queued at that moment in one transaction on the kept writer, each batch in a savepoint of its own.
/// <para>Why: with 32 turns in flight, each turn took the write gate (a contended <see cref="SemaphoreSlim"/>: 2–4 % of
/// the host's samples in its lock) and ran BEGIN, its compare-and-sets and COMMIT alone, so SQLite appended the tree's
/// upper pages and a commit record to the log for every turn. One transaction for the turns waiting shares them.</para>
/// <para>What does not change: a batch is still all or nothing and its own (a stale ETag rolls back that batch's
/// savepoint only and throws <see cref="StorageConflictException"/> to that caller; the batches before and after it
/// commit); batches apply in the order they were queued, so a later one sees an earlier one's rows as serialised writes
/// did; a caller hears of success only after COMMIT. A failure that is not a conflict (a failing statement, a full
/// disk) closes the writer, which rolls the whole transaction back, and each batch of it is written again alone, so
/// one bad batch fails only its own caller. A caller cancelled before its batch was taken writes nothing.</para>
/// <para>Nothing accepted is lost on shutdown: <see cref="Dispose"/> stops taking batches and waits for the loop to
/// commit the ones queued.</para>
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    /// <summary>Batches committed in one transaction at most, so no caller waits behind an unbounded queue.</summary>
    internal const int MaxBatchesPerCommit = 64;

    private const string Begin = "BEGIN IMMEDIATE";
    private const string Commit = "COMMIT";
    private const string Savepoint = "SAVEPOINT turn";
    private const string RollbackToSavepoint = "ROLLBACK TO turn";
    private const string ReleaseSavepoint = "RELEASE turn";

    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(30);

    private readonly SchemaGate _gate;
    private readonly KeptConnections _kept;
    private readonly Func<KeptConnection, StateWrite, string, DbCommand> _command;
    private readonly Channel<QueuedBatch> _queue = Channel.CreateUnbounded<QueuedBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private int _commits;
    private Action<int>? _taken;

    /// <param name="command">The prepared compare-and-set of one write with its new ETag, on the kept writer.</param>
    public GroupCommitWriter(SchemaGate gate, KeptConnections kept, Func<KeptConnection, StateWrite, string, DbCommand> command)
    {
        _gate = gate;
        _kept = kept;
        _command = command;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Transactions committed so far (tests: that waiting batches were committed together).</summary>
    internal int Commits => Volatile.Read(ref _commits);

    /// <summary>
    /// Tests: called on the loop with the number of batches it has just taken, before it waits for the write turn, so
    /// a test can know the loop is busy (and what it queues next waits to be taken together) without sleeping.
    /// </summary>
    internal Action<int>? Taken
    {
        get => Volatile.Read(ref _taken);
        set => Volatile.Write(ref _taken, value);
    }

    /// <summary>Queues the batch and returns its new ETags in order once it is committed.</summary>
    public Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batch = new QueuedBatch(writes, cancellationToken);
        if (!_queue.Writer.TryWrite(batch))
        {
            batch.Dispose();
            throw new ObjectDisposedException(nameof(GroupCommitWriter));
        }

        return batch.Task;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(DisposeWait);
    }

    private async Task LoopAsync()
    {
        var taken = new List<QueuedBatch>(MaxBatchesPerCommit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            taken.Clear();
            while (taken.Count < MaxBatchesPerCommit && _queue.Reader.TryRead(out var batch))
            {
                if (batch.TryTake())
                {
                    taken.Add(batch);
                }
            }

            if (taken.Count == 0)
            {
                continue;
            }

            try
            {
                Taken?.Invoke(taken.Count);
                using var turn = await _gate.EnterWriteAsync(CancellationToken.None);
                if (!await TryCommitAsync(taken))
                {
                    foreach (var batch in taken)
                    {
                        await TryCommitAsync([batch]); // one by one: each caller hears of its own failure
                    }
                }
            }
            catch (Exception ex)
            {
                foreach (var batch in taken)
                {
                    batch.Fail(ex); // the gate or the writer could not be had: nothing was written
                }
            }
        }
    }

    /// <summary>
    /// The batches in one transaction. False when it failed on something other than a conflict and had more than one
    /// batch (nothing committed; the caller writes them again one by one); a lone batch is failed with the exception.
    /// </summary>
    private async Task<bool> TryCommitAsync(List<QueuedBatch> batches)
    {
        var results = new IReadOnlyList<string>?[batches.Count];
        try
        {
            var writer = await _kept.WriterAsync(CancellationToken.None);
            writer.Command(Begin, []).ExecuteNonQuery();
            for (var b = 0; b < batches.Count; b++)
            {
                results[b] = WriteInSavepoint(writer, batches[b].Writes);
            }

            writer.Command(Commit, []).ExecuteNonQuery();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception ex)
        {
            _kept.DiscardWriter(); // closing the unpooled connection rolls back whatever it left open
            if (batches.Count > 1)
            {
                return false;
            }

            batches[0].Fail(ex);
            return true;
        }

        for (var b = 0; b < batches.Count; b++)
        {
            batches[b].Complete(results[b]);
        }

        return true;
    }

    /// <summary>One batch's compare-and-sets in a savepoint; null (savepoint rolled back) when one found a stale row.</summary>
    private string[]? WriteInSavepoint(KeptConnection writer, IReadOnlyList<StateWrite> writes)
    {
        writer.Command(Savepoint, []).ExecuteNonQuery();
        var newETags = new string[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var etag = ETags.New();
            if (_command(writer, writes[i], etag).ExecuteNonQuery() != 1)
            {
                writer.Command(RollbackToSavepoint, []).ExecuteNonQuery();
                writer.Command(ReleaseSavepoint, []).ExecuteNonQuery();
                return null;
            }

            newETags[i] = etag;
        }

        writer.Command(ReleaseSavepoint, []).ExecuteNonQuery();
        return newETags;
    }

    /// <summary>A caller's batch and its outcome; taken by the loop or cancelled by the caller, whichever comes first.</summary>
    private sealed class QueuedBatch : IDisposable
    {
        private const int Queued = 0, Taken = 1, Cancelled = 2;
        private readonly TaskCompletionSource<IReadOnlyList<string>> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationToken _cancellationToken;
        private readonly CancellationTokenRegistration _cancellation;
        private int _state;

        public QueuedBatch(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
        {
            Writes = writes;
            _cancellationToken = cancellationToken;
            _cancellation = cancellationToken.Register(static state => ((QueuedBatch)state!).Cancel(), this);
        }

        public IReadOnlyList<StateWrite> Writes { get; }

        public Task<IReadOnlyList<string>> Task => _outcome.Task;

        /// <summary>The loop takes the batch: from now on the caller's cancellation no longer stops it.</summary>
        public bool TryTake()
        {
            _cancellation.Dispose();
            return Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;
        }

        public void Complete(IReadOnlyList<string>? newETags)
        {
            if (newETags is null)
            {
                _outcome.TrySetException(new StorageConflictException());
            }
            else
            {
                _outcome.TrySetResult(newETags);
            }
        }

        public void Fail(Exception ex) => _outcome.TrySetException(ex);

        public void Dispose() => _cancellation.Dispose();

        private void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
            {
                _outcome.TrySetCanceled(_cancellationToken);
            }
        }
    }
}
