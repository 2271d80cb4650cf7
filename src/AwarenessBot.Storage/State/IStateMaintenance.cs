namespace AwarenessBot.Storage.State;

/// <summary>What the sweeper, the eraser and the health check need from a state store beyond <see cref="IStateStore"/>.</summary>
internal interface IStateMaintenance
{
    /// <summary>Deletes rows idle past their kind's TTL; returns how many.</summary>
    Task<int> DeleteExpiredAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the conversation row, rows under it, and the user row; returns how many.</summary>
    Task<int> EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken);

    /// <summary>True when the backend answers a trivial query.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
