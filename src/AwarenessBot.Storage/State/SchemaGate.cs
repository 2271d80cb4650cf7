using System.Data.Common;

namespace AwarenessBot.Storage.State;

/// <summary>Opens connections for a dialect, creating the schema on the first one (once per process).</summary>
internal sealed class SchemaGate(SqlDialect dialect) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _ready;

    public SqlDialect Dialect => dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken);
        if (_ready)
        {
            return connection;
        }

        try
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                if (!_ready)
                {
                    await dialect.EnsureSchemaAsync(connection, cancellationToken);
                    _ready = true;
                }
            }
            finally
            {
                _lock.Release();
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    public void Dispose() => _lock.Dispose();
}
