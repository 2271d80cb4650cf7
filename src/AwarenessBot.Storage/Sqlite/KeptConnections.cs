using System.Collections.Concurrent;
using System.Data.Common;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.Sqlite;

/// <summary>
/// The SQLite state store's own connections, kept open with their statements prepared: Microsoft.Data.Sqlite prepares
/// a command's SQL for every new command object, and a pooled connection's prepared statements end when it is closed,
/// so a turn that opened a pooled connection for its read and another for its write prepared the SELECT, the two
/// compare-and-set statements, BEGIN and COMMIT every time (6.4 % of the host's CPU in the `perf6` profile).
/// <list type="bullet">
/// <item>One <b>writer</b>, used only while the gate's write turn is held (<see cref="SchemaGate.EnterWriteAsync"/>):
/// the store serialises writes already, so one connection is all a writer ever needs. After any failure but a clean
/// conflict it is closed (<see cref="DiscardWriter"/>) and the next write opens a new one: the connections are
/// unpooled, so closing one ends whatever transaction or statement it left open.</item>
/// <item>A small stack of idle <b>readers</b> (WAL: readers never block the writer nor each other); a read rents one
/// (or opens one when all are out) and gives it back; past <see cref="MaxIdleReaders"/> idle ones, it is closed.
/// A reader is given back only after its statement has been reset, so an idle reader holds no snapshot.</item>
/// </list>
/// Disposed with the store: reads and writes then throw <see cref="ObjectDisposedException"/>; a write in progress is
/// waited for (the write turn) before the writer is closed.
/// </summary>
internal sealed class KeptConnections(SchemaGate gate) : IAsyncDisposable, IDisposable
{
    /// <summary>Idle readers kept at most: a read holds one only while SQLite runs it (its calls are synchronous), so
    /// about as many run at once as there are threads running, never the 32 turns in flight.</summary>
    internal static readonly int MaxIdleReaders = Math.Max(4, Environment.ProcessorCount * 2);

    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentStack<KeptConnection> _idleReaders = new();
    private int _idleCount;
    private KeptConnection? _writer;
    private volatile bool _disposed;

    /// <summary>Idle readers now (tests).</summary>
    internal int IdleReaders => Volatile.Read(ref _idleCount);

    /// <summary>A reader for one read; give it back with <see cref="Return"/>.</summary>
    public async ValueTask<KeptConnection> RentReaderAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idleReaders.TryPop(out var reader))
        {
            Interlocked.Decrement(ref _idleCount);
            return reader;
        }

        return new KeptConnection(await gate.OpenKeptAsync(cancellationToken));
    }

    /// <summary>Gives a reader back; one that failed (<paramref name="usable"/> false) is closed instead.</summary>
    public void Return(KeptConnection reader, bool usable)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (usable && !_disposed)
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdleReaders)
            {
                _idleReaders.Push(reader);
                if (_disposed)
                {
                    DrainReaders(); // a dispose that ran meanwhile may have missed it
                }

                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        reader.Dispose();
    }

    /// <summary>The writer; only while the gate's write turn is held.</summary>
    public async ValueTask<KeptConnection> WriterAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer ??= new KeptConnection(await gate.OpenKeptAsync(cancellationToken));
    }

    /// <summary>Closes the writer after a failed write (under the write turn); the next write opens a new one.</summary>
    public void DiscardWriter()
    {
        var writer = _writer;
        _writer = null;
        writer?.Dispose();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        DrainReaders();
        WriteTurn? turn = null;
        try
        {
            turn = gate.TryEnterWrite(DisposeWait);
        }
        catch (ObjectDisposedException)
        {
            // The gate went first: no write can be running.
        }

        try
        {
            DiscardWriter();
        }
        finally
        {
            turn?.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void DrainReaders()
    {
        while (_idleReaders.TryPop(out var reader))
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
        }
    }
}

/// <summary>An open connection and the commands made on it, each prepared once and kept (keyed by its SQL text).</summary>
internal sealed class KeptConnection(DbConnection connection) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    /// <summary>Commands prepared on this connection so far (tests).</summary>
    internal int PreparedCommands => _commands.Count;

    /// <summary>
    /// The command of <paramref name="sql"/> on this connection, with parameters of these names in this order (the
    /// caller sets their values by index before each run), prepared the first time and kept.
    /// </summary>
    public DbCommand Command(string sql, IReadOnlyList<string> parameterNames)
    {
        if (_commands.TryGetValue(sql, out var kept))
        {
            return kept;
        }

        // Named as the SQL text writes them (SqliteDialect.Prefixed).
        var parameters = new (string, object?)[parameterNames.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = (SqliteDialect.Prefixed(parameterNames[i]), null);
        }

        var command = DbCommands.Create(connection, sql, null, parameters);
        try
        {
            command.Prepare();
        }
        catch
        {
            command.Dispose();
            throw;
        }

        _commands[sql] = command;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        connection.Dispose();
    }
}
