using AwarenessBot.Storage.Expiry;

namespace AwarenessBot.Storage.State;

/// <summary>
/// The same contract as <see cref="SqlStateStore"/> in this process (tests, a quick local run): compare-and-set,
/// all-or-nothing batches and expiry behave alike, so a test on memory means what it would mean on a database.
/// </summary>
internal sealed class MemoryStateStore(ExpiryPolicy expiry) : IStateStore, IStateMaintenance
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StateDocument>(StringComparer.Ordinal);
        var nowMs = expiry.NowMs;
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (_rows.TryGetValue(key, out var row) && !IsExpired(key, row, nowMs))
                {
                    result[key] = new StateDocument(row.Json, row.ETag);
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StateDocument>>(result);
    }

    public Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        StateWrite.EnsureDistinctKeys(writes);
        var nowMs = expiry.NowMs;
        var newETags = new string[writes.Count];
        lock (_lock)
        {
            // Every condition is checked before anything changes: the batch is applied whole or not at all.
            foreach (var write in writes)
            {
                if (!Holds(write, nowMs))
                {
                    throw new StorageConflictException();
                }
            }

            for (var i = 0; i < writes.Count; i++)
            {
                newETags[i] = ETags.New();
                _rows[writes[i].Key] = new Row(writes[i].Json, newETags[i], nowMs);
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(newETags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                _rows.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var nowMs = expiry.NowMs;
        lock (_lock)
        {
            var expired = _rows.Where(r => IsExpired(r.Key, r.Value, nowMs)).Select(r => r.Key).ToList();
            expired.ForEach(key => _rows.Remove(key));
            return Task.FromResult(expired.Count);
        }
    }

    public Task<int> EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken)
    {
        var prefix = conversationKey + "/";
        lock (_lock)
        {
            var doomed = _rows.Keys
                .Where(k => k == conversationKey || k == userKey || k.StartsWith(prefix, StringComparison.Ordinal))
                .ToList();
            doomed.ForEach(key => _rows.Remove(key));
            return Task.FromResult(doomed.Count);
        }
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>The same rules as the SQL statements: a match ignores expiry, as the UPDATE's WHERE does.</summary>
    private bool Holds(StateWrite write, long nowMs) => write.Condition switch
    {
        StateWriteCondition.Overwrite => true,
        StateWriteCondition.Absent => !_rows.TryGetValue(write.Key, out var existing) || IsExpired(write.Key, existing, nowMs),
        _ => _rows.TryGetValue(write.Key, out var current) && string.Equals(current.ETag, write.ExpectedETag, StringComparison.Ordinal),
    };

    private bool IsExpired(string key, Row row, long nowMs) => row.UpdatedAtMs < expiry.CutoffMs(StateKinds.FromKey(key), nowMs);

    private sealed record Row(string Json, string ETag, long UpdatedAtMs);
}
