using AwarenessBot.Storage;
using Microsoft.Bot.Builder;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// MemoryStorage that loses compare-and-set races on demand, as the SQL state store does when another instance wrote
/// the same key first: the write is refused with <see cref="StorageConflictException"/> and nothing is stored.
/// </summary>
internal sealed class ConflictingStorage : IStorage
{
    private readonly MemoryStorage _inner = new();

    /// <summary>How many of the next writes to a key containing this fragment ("/conversations/", "/users/") fail.</summary>
    public void FailNextWrites(string keyFragment, int count)
    {
        KeyFragment = keyFragment;
        RemainingFailures = count;
    }

    public string KeyFragment { get; private set; } = "";

    public int RemainingFailures { get; private set; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(keys, cancellationToken);

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        if (RemainingFailures > 0 && changes.Keys.Any(k => k.Contains(KeyFragment, StringComparison.Ordinal)))
        {
            RemainingFailures--;
            throw new StorageConflictException();
        }

        return _inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
}
