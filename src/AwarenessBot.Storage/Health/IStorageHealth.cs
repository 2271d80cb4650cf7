namespace AwarenessBot.Storage.Health;

/// <summary>For <c>/readyz</c>: can the state backend be reached right now?</summary>
public interface IStorageHealth
{
    /// <summary>True when the backend answers; false (never throws, except on cancellation) when it does not.</summary>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
