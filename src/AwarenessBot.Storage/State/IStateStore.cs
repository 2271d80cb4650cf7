namespace AwarenessBot.Storage.State;

/// <summary>
/// State documents by key with compare-and-set writes: the storage library's own contract, so the edge that adapts
/// it to a bot SDK (Bot Framework's IStorage today) can be replaced without touching the stores.
/// </summary>
public interface IStateStore
{
    /// <summary>
    /// The live documents of <paramref name="keys"/>, each with its current ETag. A key never written, deleted or idle
    /// past its time to live is absent from the result (an expired row is never served, even before the sweep).
    /// </summary>
    Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every document of the batch or none of them: the conversation and its user are saved together, so a
    /// turn that lost a race leaves nothing behind and can be run again on fresh state. When any write's condition
    /// fails, <see cref="StorageConflictException"/> is thrown and nothing is written.
    /// </summary>
    /// <returns>The new ETag of each write, in the order of <paramref name="writes"/>.</returns>
    Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);

    /// <summary>Deletes the keys; an unknown key is not an error.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
