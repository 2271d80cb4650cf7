using AwarenessBot.Storage;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// The host's state store, losing compare-and-set races on demand as the SQL store does when another instance wrote
/// the same key first: the batch is refused with <see cref="StorageConflictException"/> and nothing is stored.
/// </summary>
internal sealed class ConflictingStorage(IStateStore inner) : IStateStore
{
    /// <summary>How many of the next writes to a key containing this fragment ("/conversations/", "/users/") fail.</summary>
    public void FailNextWrites(string keyFragment, int count)
    {
        KeyFragment = keyFragment;
        RemainingFailures = count;
    }

    public string KeyFragment { get; private set; } = "";

    public int RemainingFailures { get; private set; }

    public Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        inner.ReadAsync(keys, cancellationToken);

    public Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        if (RemainingFailures > 0 && writes.Any(w => w.Key.Contains(KeyFragment, StringComparison.Ordinal)))
        {
            RemainingFailures--;
            throw new StorageConflictException();
        }

        return inner.WriteAsync(writes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);
}
