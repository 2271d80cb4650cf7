using System.Data.Common;
using System.Globalization;
using AwarenessBot.Storage.Expiry;
using AwarenessBot.Storage.Sqlite;

namespace AwarenessBot.Storage.State;

/// <summary>
/// State documents in one SQL table (SQLite or PostgreSQL): one row per key, JSON value, ETag column, a batch written
/// in one transaction of compare-and-set statements, rows past their TTL invisible to reads. On SQLite a turn's read
/// and write run on connections the store keeps open with their statements prepared (<see cref="KeptConnections"/>);
/// the rarer statements (deletes, erasure, expiry, health) open a pooled connection as before. The turns' batches
/// waiting at one moment are committed in one transaction, a savepoint each (<see cref="GroupCommitWriter"/>).
/// </summary>
internal sealed class SqlStateStore : IStateStore, IStateMaintenance, IAsyncDisposable, IDisposable
{
    /// <summary>The per-turn statements' text, built once (a turn reads two keys and writes two rows).</summary>
    private readonly StateStatements _sql;

    /// <summary>The kept connections (SQLite), or null: every call opens a pooled connection (PostgreSQL).</summary>
    private readonly KeptConnections? _kept;

    /// <summary>The turns' batches on the kept writer, committed together (SQLite), or null.</summary>
    private readonly GroupCommitWriter? _committer;

    private readonly SchemaGate _gate;
    private readonly ExpiryPolicy _expiry;

    public SqlStateStore(SchemaGate gate, ExpiryPolicy expiry)
    {
        _gate = gate;
        _expiry = expiry;
        _sql = new StateStatements(gate.Dialect);
        if (gate.Dialect is { KeepsConnections: true, SerialisesWrites: true })
        {
            _kept = new KeptConnections(gate);
            _committer = new GroupCommitWriter(gate, _kept, KeptWriteCommand);
        }
    }

    internal KeptConnections? Kept => _kept;

    internal GroupCommitWriter? Committer => _committer;

    /// <summary>The gate whose write turn every write of this store takes (tests hold it to make batches wait).</summary>
    internal SchemaGate Gate => _gate;

    private SqlDialect D => _gate.Dialect;

    public async Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StateDocument>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        // One SELECT for every key (a turn reads its conversation and user rows together), not one per key.
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        if (_kept is not null)
        {
            await ReadKeptAsync(_kept, distinct, result, cancellationToken);
            return result;
        }

        var parameters = new (string, object?)[distinct.Length];
        for (var i = 0; i < distinct.Length; i++)
        {
            parameters[i] = (StateStatements.KeyParameter(i), distinct[i]);
        }

        await using var connection = await _gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, _sql.Read(distinct.Length), null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var nowMs = _expiry.NowMs;
        while (await reader.ReadAsync(cancellationToken))
        {
            Collect(reader, nowMs, result);
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        StateWrite.EnsureDistinctKeys(writes);
        if (writes.Count == 0)
        {
            return [];
        }

        if (_committer is not null)
        {
            return await _committer.WriteAsync(writes, cancellationToken);
        }

        var newETags = new string[writes.Count];
        await using var lease = await _gate.OpenForWriteAsync(cancellationToken);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < writes.Count; i++)
        {
            var etag = ETags.New();
            var affected = await ExecuteWriteAsync(connection, transaction, writes[i], etag, cancellationToken);
            if (affected != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new StorageConflictException();
            }

            newETags[i] = etag;
        }

        await transaction.CommitAsync(cancellationToken);
        return newETags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var lease = await _gate.OpenForWriteAsync(cancellationToken);
        var connection = lease.Connection;
        foreach (var key in keys)
        {
            await using var command = DbCommands.Create(connection, $"DELETE FROM {D.StateTable} WHERE key = @key", null, ("key", key));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Rows of a kind updated before its cutoff (<c>@c</c>, <c>@u</c>, <c>@o</c>): expired.</summary>
    private const string Expired = "((kind = 'conversation' AND updated_at < @c) OR (kind = 'user' AND updated_at < @u) OR (kind = 'other' AND updated_at < @o))";

    /// <summary>How many expired rows one sweep step deletes in one transaction, where the table is scanned (SQLite).</summary>
    internal int SweepBatchSize { get; set; } = 500;

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var nowMs = _expiry.NowMs;
        (string, object?)[] cutoffs =
        [
            ("c", _expiry.CutoffMs(StateKind.Conversation, nowMs)),
            ("u", _expiry.CutoffMs(StateKind.User, nowMs)),
            ("o", _expiry.CutoffMs(StateKind.Other, nowMs)),
        ];
        if (!D.IndexesExpiry)
        {
            return await DeleteExpiredByScanAsync(cutoffs, cancellationToken);
        }

        await using var lease = await _gate.OpenForWriteAsync(cancellationToken);
        await using var command = DbCommands.Create(lease.Connection, $"DELETE FROM {D.StateTable} WHERE {Expired}", null, cutoffs);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The sweep without an expiry index (SQLite): the expired rows are found by scanning the table in rowid order on
    /// a pooled reader, which in WAL mode does not hold the write lock (≈ 50 ms for 100,000 rows of 350 bytes), and
    /// deleted a batch at a time by rowid under the write gate, each row checked again as it is deleted: one a turn
    /// wrote since the scan is no longer expired and stays. Turns wait for one batch's deletes at most, not the scan.
    /// </summary>
    private async Task<int> DeleteExpiredByScanAsync((string, object?)[] cutoffs, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var after = long.MinValue;
        var batch = new List<long>(SweepBatchSize);
        var find = $"SELECT rowid FROM {D.StateTable} WHERE rowid > @after AND {Expired} ORDER BY rowid LIMIT {SweepBatchSize.ToString(CultureInfo.InvariantCulture)}";
        while (true)
        {
            batch.Clear();
            await using (var connection = await _gate.OpenAsync(cancellationToken))
            await using (var command = DbCommands.Create(connection, find, null, [("after", after), .. cutoffs]))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add(reader.GetInt64(0));
                }
            }

            if (batch.Count == 0)
            {
                return deleted;
            }

            after = batch[^1];
            await using (var lease = await _gate.OpenForWriteAsync(cancellationToken))
            await using (var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken))
            {
                await using var delete = DbCommands.Create(lease.Connection, $"DELETE FROM {D.StateTable} WHERE rowid = @id AND {Expired}", transaction, [("id", null), .. cutoffs]);
                foreach (var id in batch)
                {
                    delete.Parameters[0].Value = id;
                    deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            if (batch.Count < SweepBatchSize)
            {
                return deleted;
            }
        }
    }

    public async Task<int> EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken)
    {
        // The conversation key, every key under it (private conversation state) and the user key.
        var prefix = conversationKey + "/";
        await using var lease = await _gate.OpenForWriteAsync(cancellationToken);
        var connection = lease.Connection;
        await using var command = DbCommands.Create(
            connection,
            $"DELETE FROM {D.StateTable} WHERE key = @c OR key = @u OR substr(key, 1, length(@p)) = @p",
            null,
            ("c", conversationKey),
            ("u", userKey),
            ("p", prefix));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, $"SELECT COUNT(*) FROM {D.StateTable} WHERE 1 = 0", null);
        await command.ExecuteScalarAsync(cancellationToken);
        return true;
    }

    /// <summary>Commits the batches already queued (nothing accepted is lost), then closes the kept connections.</summary>
    public void Dispose()
    {
        _committer?.Dispose();
        _kept?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One SELECT of the keys on a kept reader, its statement prepared once per reader.</summary>
    private async Task ReadKeptAsync(KeptConnections kept, string[] keys, Dictionary<string, StateDocument> result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = await kept.RentReaderAsync(cancellationToken);
        var usable = false;
        try
        {
            var command = connection.Command(_sql.Read(keys.Length), StateStatements.ReadParameters(keys.Length));
            for (var i = 0; i < keys.Length; i++)
            {
                command.Parameters[i].Value = keys[i];
            }

            // Microsoft.Data.Sqlite runs its async calls synchronously: the synchronous calls, without their tasks.
            using (var reader = command.ExecuteReader())
            {
                var nowMs = _expiry.NowMs;
                while (reader.Read())
                {
                    Collect(reader, nowMs, result);
                }
            }

            usable = true;
        }
        finally
        {
            kept.Return(connection, usable);
        }
    }

    private DbCommand KeptWriteCommand(KeptConnection writer, StateWrite write, string etag)
    {
        var now = _expiry.NowMs;
        var kind = StateKinds.FromKey(write.Key);
        var command = write.Condition switch
        {
            StateWriteCondition.Overwrite => writer.Command(_sql.Upsert, StateStatements.UpsertParameters),
            StateWriteCondition.Absent => writer.Command(_sql.UpsertIfExpired, StateStatements.UpsertIfExpiredParameters),
            _ => writer.Command(_sql.Replace, StateStatements.ReplaceParameters),
        };
        var parameters = command.Parameters;
        parameters[0].Value = write.Key;
        parameters[1].Value = kind.ToColumnValue();
        parameters[2].Value = write.Json;
        parameters[3].Value = etag;
        parameters[4].Value = now;
        if (write.Condition == StateWriteCondition.Absent)
        {
            parameters[5].Value = _expiry.CutoffMs(kind, now);
        }
        else if (write.Condition == StateWriteCondition.Matches)
        {
            parameters[5].Value = write.ExpectedETag;
        }

        return command;
    }

    /// <summary>One row of a read (key, json, etag, updated_at) into the result, unless it has expired.</summary>
    private void Collect(DbDataReader reader, long nowMs, Dictionary<string, StateDocument> result)
    {
        var key = reader.GetString(0);
        if (reader.GetInt64(3) < _expiry.CutoffMs(StateKinds.FromKey(key), nowMs))
        {
            return; // expired: the sweeper will delete it; never serve it meanwhile
        }

        result[key] = new StateDocument(reader.GetString(1), reader.GetString(2));
    }

    private async Task<int> ExecuteWriteAsync(DbConnection connection, DbTransaction transaction, StateWrite write, string etag, CancellationToken cancellationToken)
    {
        var now = _expiry.NowMs;
        var kind = StateKinds.FromKey(write.Key);
        (string, object?) key = ("key", write.Key), kindValue = ("kind", kind.ToColumnValue()), json = ("json", write.Json), newETag = ("etag", etag), updatedAt = ("now", now);
        await using var command = write.Condition switch
        {
            StateWriteCondition.Overwrite => DbCommands.Create(connection, _sql.Upsert, transaction, key, kindValue, json, newETag, updatedAt),

            // A create may replace a row only if it has expired (reads no longer show it).
            StateWriteCondition.Absent => DbCommands.Create(connection, _sql.UpsertIfExpired, transaction, key, kindValue, json, newETag, updatedAt, ("cutoff", _expiry.CutoffMs(kind, now))),
            _ => DbCommands.Create(connection, _sql.Replace, transaction, key, kindValue, json, newETag, updatedAt, ("expected", write.ExpectedETag)),
        };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The text of the state statements for one dialect.</summary>
    private sealed class StateStatements
    {
        private static readonly string[] KeyParameters = [.. Enumerable.Range(0, 8).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture))];
        private readonly SqlDialect _dialect;
        private readonly string?[] _reads = new string?[KeyParameters.Length + 1];

        public StateStatements(SqlDialect dialect)
        {
            _dialect = dialect;
            Upsert = $"INSERT INTO {dialect.StateInsertTarget} (key, kind, json, etag, updated_at) VALUES (@key, @kind, {dialect.JsonParameter("json")}, @etag, @now) "
                + "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at";
            UpsertIfExpired = Upsert + $" WHERE {dialect.StateExistingRow}.updated_at < @cutoff";
            Replace = $"UPDATE {dialect.StateTable} SET kind = @kind, json = {dialect.JsonParameter("json")}, etag = @etag, updated_at = @now WHERE key = @key AND etag = @expected";
        }

        /// <summary>Insert, or update whatever row has the key.</summary>
        public string Upsert { get; }

        /// <summary>Insert, or update a row that has expired.</summary>
        public string UpsertIfExpired { get; }

        /// <summary>Update the row only if it still has the expected ETag.</summary>
        public string Replace { get; }

        /// <summary>The parameters of <see cref="Upsert"/>, in order.</summary>
        public static readonly string[] UpsertParameters = ["key", "kind", "json", "etag", "now"];

        /// <summary>The parameters of <see cref="UpsertIfExpired"/>, in order.</summary>
        public static readonly string[] UpsertIfExpiredParameters = [.. UpsertParameters, "cutoff"];

        /// <summary>The parameters of <see cref="Replace"/>, in order.</summary>
        public static readonly string[] ReplaceParameters = [.. UpsertParameters, "expected"];

        private static readonly string[][] ReadParameterLists = [.. Enumerable.Range(0, KeyParameters.Length + 1).Select(n => KeyParameters[..n])];

        public static string KeyParameter(int index) => index < KeyParameters.Length ? KeyParameters[index] : "k" + index.ToString(CultureInfo.InvariantCulture);

        /// <summary>The parameters of <see cref="Read"/> for <paramref name="count"/> keys, in order.</summary>
        public static string[] ReadParameters(int count) =>
            count < ReadParameterLists.Length ? ReadParameterLists[count] : [.. Enumerable.Range(0, count).Select(KeyParameter)];

        /// <summary>One SELECT of <paramref name="count"/> keys (the statements of up to 8 keys are kept; a race only builds one twice).</summary>
        public string Read(int count)
        {
            if (count < _reads.Length && _reads[count] is { } kept)
            {
                return kept;
            }

            var names = string.Join(", ", Enumerable.Range(0, count).Select(i => "@" + KeyParameter(i)));
            var sql = $"SELECT key, {_dialect.JsonAsText("json")}, etag, updated_at FROM {_dialect.StateTable} WHERE key IN ({names})";
            if (count < _reads.Length)
            {
                _reads[count] = sql;
            }

            return sql;
        }
    }
}
