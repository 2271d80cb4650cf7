using System.Data.Common;

namespace AwarenessBot.Storage.State;

/// <summary>Opens connections for a dialect, creating the schema on the first one (once per process).</summary>
internal sealed class SchemaGate(SqlDialect dialect) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile bool _ready;

    public SqlDialect Dialect => dialect;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        ReadyAsync(dialect.OpenAsync(cancellationToken), cancellationToken);

    /// <summary>A connection the caller keeps open and closes itself (<see cref="SqlDialect.OpenKeptAsync"/>), schema ready.</summary>
    public Task<DbConnection> OpenKeptAsync(CancellationToken cancellationToken) =>
        ReadyAsync(dialect.OpenKeptAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// The turn to write, without a connection: the holder writes on a connection of its own (the state store's kept
    /// writer) while no other writer of this gate runs. Null on a dialect that does not serialise writes.
    /// </summary>
    public async Task<WriteTurn?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (!dialect.SerialisesWrites)
        {
            return null;
        }

        await _writer.WaitAsync(cancellationToken);
        return new WriteTurn(_writer);
    }

    /// <summary>As <see cref="EnterWriteAsync"/>, waiting at most <paramref name="timeout"/> (disposal); null when it ran out.</summary>
    public WriteTurn? TryEnterWrite(TimeSpan timeout) =>
        dialect.SerialisesWrites && _writer.Wait(timeout) ? new WriteTurn(_writer) : null;

    private async Task<DbConnection> ReadyAsync(Task<DbConnection> opening, CancellationToken cancellationToken)
    {
        var connection = await opening;
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

/// <summary>The turn to write on a serialising dialect; given back once, on dispose.</summary>
internal sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release();
        }
    }
}
