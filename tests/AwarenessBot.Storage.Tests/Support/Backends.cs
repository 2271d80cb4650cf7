using AwarenessBot.Storage.Postgres;
using AwarenessBot.Storage.Sqlite;
using AwarenessBot.Storage.State;
using Microsoft.Data.Sqlite;

namespace AwarenessBot.Storage.Tests.Support;

public sealed class MemoryBackend : StorageBackend
{
    public override bool IsSql => false;

    internal override SqlDialect CreateDialect() => throw new NotSupportedException("The memory store has no SQL.");
}

/// <summary>A SQLite file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class SqliteBackend : StorageBackend
{
    public SqliteBackend()
    {
        Options.DataDirectory = Path.Combine(Path.GetTempPath(), "awarenessbot-tests", Guid.NewGuid().ToString("N"));
    }

    public override bool IsSql => true;

    internal override SqlDialect CreateDialect() => new SqliteDialect(Options);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Options.DataDirectory))
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
    }
}

/// <summary>A schema of its own on the PostgreSQL test server, dropped afterwards.</summary>
public sealed class PostgresBackend : StorageBackend
{
    public PostgresBackend()
    {
        Options.Provider = StorageProvider.Postgres;
        Options.ConnectionString = PostgresTestServer.RequireConnectionString();
        Options.PostgresSchema = PostgresTestServer.NewSchemaName();
    }

    public override bool IsSql => true;

    internal override SqlDialect CreateDialect() => new PostgresDialect(Options);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresTestServer.DropSchemaAsync(Options.PostgresSchema);
    }
}
