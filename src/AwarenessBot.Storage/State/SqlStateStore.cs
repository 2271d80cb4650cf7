using System.Data.Common;
using System.Globalization;
using AwarenessBot.Storage.Expiry;

namespace AwarenessBot.Storage.State;

/// <summary>
/// State documents in one SQL table (SQLite or PostgreSQL): one row per key, JSON value, ETag column, a batch written
/// in one transaction of compare-and-set statements, rows past their TTL invisible to reads.
/// </summary>
internal sealed class SqlStateStore(SchemaGate gate, ExpiryPolicy expiry) : IStateStore, IStateMaintenance
{
    private SqlDialect D => gate.Dialect;

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
        var names = string.Join(", ", distinct.Select((_, i) => "@k" + i.ToString(CultureInfo.InvariantCulture)));
        var sql = $"SELECT key, {D.JsonAsText("json")}, etag, updated_at FROM {D.StateTable} WHERE key IN ({names})";
        var parameters = distinct.Select((key, i) => ("k" + i.ToString(CultureInfo.InvariantCulture), (object?)key)).ToArray();
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var nowMs = expiry.NowMs;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (reader.GetInt64(3) < expiry.CutoffMs(StateKinds.FromKey(key), nowMs))
            {
                continue; // expired: the sweeper will delete it; never serve it meanwhile
            }

            result[key] = new StateDocument(reader.GetString(1), reader.GetString(2));
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

        var newETags = new string[writes.Count];
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
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
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        var connection = lease.Connection;
        foreach (var key in keys)
        {
            await using var command = DbCommands.Create(connection, $"DELETE FROM {D.StateTable} WHERE key = @key", null, ("key", key));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var nowMs = expiry.NowMs;
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        var connection = lease.Connection;
        await using var command = DbCommands.Create(
            connection,
            $"DELETE FROM {D.StateTable} WHERE (kind = 'conversation' AND updated_at < @c) OR (kind = 'user' AND updated_at < @u) OR (kind = 'other' AND updated_at < @o)",
            null,
            ("c", expiry.CutoffMs(StateKind.Conversation, nowMs)),
            ("u", expiry.CutoffMs(StateKind.User, nowMs)),
            ("o", expiry.CutoffMs(StateKind.Other, nowMs)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken)
    {
        // The conversation key, every key under it (private conversation state) and the user key.
        var prefix = conversationKey + "/";
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
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
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, $"SELECT COUNT(*) FROM {D.StateTable} WHERE 1 = 0", null);
        await command.ExecuteScalarAsync(cancellationToken);
        return true;
    }

    private async Task<int> ExecuteWriteAsync(DbConnection connection, DbTransaction transaction, StateWrite write, string etag, CancellationToken cancellationToken)
    {
        var now = expiry.NowMs;
        var kind = StateKinds.FromKey(write.Key);
        var values = new List<(string, object?)>
        {
            ("key", write.Key), ("kind", kind.ToColumnValue()), ("json", write.Json), ("etag", etag), ("now", now),
        };
        var insert = $"INSERT INTO {D.StateInsertTarget} (key, kind, json, etag, updated_at) VALUES (@key, @kind, {D.JsonParameter("json")}, @etag, @now) "
            + "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at";
        string sql;
        switch (write.Condition)
        {
            case StateWriteCondition.Overwrite:
                sql = insert;
                break;
            case StateWriteCondition.Absent:
                // A create may replace a row only if it has expired (reads no longer show it).
                sql = insert + $" WHERE {D.StateExistingRow}.updated_at < @cutoff";
                values.Add(("cutoff", expiry.CutoffMs(kind, now)));
                break;
            default:
                sql = $"UPDATE {D.StateTable} SET kind = @kind, json = {D.JsonParameter("json")}, etag = @etag, updated_at = @now WHERE key = @key AND etag = @expected";
                values.Add(("expected", write.ExpectedETag));
                break;
        }

        await using var command = DbCommands.Create(connection, sql, transaction, [.. values]);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
