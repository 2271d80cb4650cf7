using AwarenessBot.Storage;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// The host's real state store, except that once armed, the next write of a user-state key fails with the conflict a
/// compare-and-set store raises when another instance wrote that row first. Makes a race that needs two instances
/// and luck happen on every run.
/// </summary>
internal sealed class ConflictInjectingStorage(IStateStore inner) : IStateStore
{
    private int _armed;
    private Func<Task>? _beforeConversationWrite;

    public int Injected { get; private set; }

    public void ArmUserStateConflict() => Interlocked.Exchange(ref _armed, 1);

    /// <summary>Runs another whole turn just before the next conversation-state write: a real race, lost for real.</summary>
    public void RunBeforeNextConversationWrite(Func<Task> interloper) => _beforeConversationWrite = interloper;

    public Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        inner.ReadAsync(keys, cancellationToken);

    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Any(w => w.Key.Contains("/users/", StringComparison.Ordinal)) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Injected++;
            throw new StorageConflictException();
        }

        if (writes.Any(w => w.Key.Contains("/conversations/", StringComparison.Ordinal))
            && Interlocked.Exchange(ref _beforeConversationWrite, null) is { } interloper)
        {
            Injected++;
            await interloper();
        }

        return await inner.WriteAsync(writes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);
}
