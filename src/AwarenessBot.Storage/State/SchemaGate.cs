using System.Data.Common;

namespace AwarenessBot.Storage.State;

/// <summary>Opens connections for a dialect, creating the schema on the first one (once per process).</summary>
internal sealed class SchemaGate(SqlDialect dialect) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SemaphoreSlim _writer = new(1, 1);
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

    /// <summary>A connection for a write; on a dialect with one writer at a time, writers queue here first.</summary>
    public async Task<WriteLease> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var gate = dialect.SerialisesWrites ? _writer : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return new WriteLease(await OpenAsync(cancellationToken), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _writer.Dispose();
    }
}

/// <summary>A write connection and, where writes are serialised, the turn to write; both given back on dispose.</summary>
internal sealed class WriteLease(DbConnection connection, SemaphoreSlim? gate) : IAsyncDisposable
{
    public DbConnection Connection => connection;

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        gate?.Release();
    }
}
