using System.Data.Common;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.Analytics;
using AwarenessBot.Storage.ClassResults;
using AwarenessBot.Storage.Expiry;
using AwarenessBot.Storage.State;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Storage.Tests.Support;

/// <summary>One database for one test; every storage object it creates shares it (two "instances" of the bot).</summary>
public abstract class StorageBackend : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private MemoryStateStore? _memory;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public StorageOptions Options { get; } = new();

    /// <summary>False for the in-process store: the same contract, but no SQL to look at.</summary>
    public abstract bool IsSql { get; }

    /// <summary>A new store object on the same data (for memory, the one store every "instance" shares).</summary>
    public IStateStore CreateStore() => IsSql ? CreateSqlStore() : _memory ??= new MemoryStateStore(new ExpiryPolicy(Options, Time));

    internal SqlStateStore CreateSqlStore()
    {
        var dialect = CreateDialect();
        _owned.Add(dialect);
        var store = new SqlStateStore(new SchemaGate(dialect), new ExpiryPolicy(Options, Time));
        _owned.Add(store); // its kept connections (SQLite), closed before the dialect
        return store;
    }

    internal IAnalyticsStore CreateAnalyticsStore()
    {
        if (!IsSql)
        {
            return new MemoryAnalyticsStore();
        }

        var dialect = CreateDialect();
        _owned.Add(dialect);
        return new SqlAnalyticsStore(new SchemaGate(dialect));
    }

    internal IClassResultsStore CreateClassResultsStore()
    {
        if (!IsSql)
        {
            return new MemoryClassResultsStore(Time);
        }

        var dialect = CreateDialect();
        _owned.Add(dialect);
        return new SqlClassResultsStore(new SchemaGate(dialect), Time);
    }

    /// <summary>Runs a scalar query straight against the database, to check what is really stored.</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        var dialect = CreateDialect();
        await using var _ = dialect;
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var command = DbCommands.Create(connection, Tables(sql, dialect), null, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads one column of one row as text straight from the database.</summary>
    public async Task<string?> TextAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        var dialect = CreateDialect();
        await using var _ = dialect;
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var command = DbCommands.Create(connection, sql.Replace("{state}", dialect.StateTable, StringComparison.Ordinal), null, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal abstract SqlDialect CreateDialect();

    private static string Tables(string sql, SqlDialect dialect) => sql
        .Replace("{state}", dialect.StateTable, StringComparison.Ordinal)
        .Replace("{class_codes}", dialect.ClassCodesTable, StringComparison.Ordinal)
        .Replace("{class_counts}", dialect.ClassCountsTable, StringComparison.Ordinal)
        .Replace("{class_answered}", dialect.ClassAnsweredTable, StringComparison.Ordinal);

    public virtual async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
