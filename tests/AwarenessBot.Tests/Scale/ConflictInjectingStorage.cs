using AwarenessBot.Storage;
using Microsoft.Bot.Builder;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// The host's real storage, except that once armed, the next write of a user-state key fails with the conflict a
/// compare-and-set store raises when another instance wrote that row first. Makes a race that needs two instances
/// and luck happen on every run.
/// </summary>
internal sealed class ConflictInjectingStorage(IStorage inner) : IStorage
{
    private int _armed;
    private Func<Task>? _beforeConversationWrite;

    public int Injected { get; private set; }

    public void ArmUserStateConflict() => Interlocked.Exchange(ref _armed, 1);

    /// <summary>Runs another whole turn just before the next conversation-state write: a real race, lost for real.</summary>
    public void RunBeforeNextConversationWrite(Func<Task> interloper) => _beforeConversationWrite = interloper;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(keys, cancellationToken);

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Keys.Any(k => k.Contains("/users/", StringComparison.Ordinal)) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Injected++;
            throw new StorageConflictException();
        }

        if (changes.Keys.Any(k => k.Contains("/conversations/", StringComparison.Ordinal))
            && Interlocked.Exchange(ref _beforeConversationWrite, null) is { } interloper)
        {
            Injected++;
            await interloper();
        }

        await inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
