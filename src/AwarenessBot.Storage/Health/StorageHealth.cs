using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.Health;

internal sealed class SqlStorageHealth(IStateMaintenance store) : IStorageHealth
{
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store.IsReachableAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }
}

internal sealed class AlwaysHealthy : IStorageHealth
{
    public Task<bool> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
