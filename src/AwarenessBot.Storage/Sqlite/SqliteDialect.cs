using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using AwarenessBot.Storage.State;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AwarenessBot.Storage.Sqlite;

/// <summary>
/// SQLite: one file, WAL journal (readers don't block the writer), busy timeout, pooled connections, one writer at a
/// time. <c>synchronous = NORMAL</c> is the documented setting for WAL: the file never corrupts, and only the last
/// commits before a power loss can be lost — acceptable for conversation state, and 5–40× faster per write.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int BusyTimeoutMs = 5000;
    private static readonly object Configured = new();
    private readonly string _connectionString;

    /// <summary>The same database, unpooled: a kept connection closed is closed for real (any transaction rolled back),
    /// never handed to the pool mid-transaction.</summary>
    private readonly string _keptConnectionString;

    /// <summary>
    /// The native connections the pragmas have been run on. They are per-connection settings that last as long as the
    /// native connection, and the pool hands the same one out again, so a turn's opens (a read, a write, the analytics
    /// batch) no longer each prepare and run them; a new native connection (a new pool entry, a cleared pool) is
    /// configured on its first open.
    /// </summary>
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    public SqliteDialect(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            _connectionString = options.ConnectionString;
        }
        else
        {
            var path = options.SqliteFilePath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = BusyTimeoutMs / 1000,
            }.ToString();
        }

        _keptConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
    }

    public string ConnectionString => _connectionString;

    public override bool SerialisesWrites => true;

    public override bool IndexesExpiry => false;

    public override string StateTable => "state";

    public override string AnalyticsTable => "analytics_events";

    public override string ClassCodesTable => "class_codes";

    public override string ClassCountsTable => "class_counts";

    public override string ClassAnsweredTable => "class_answered";

    public override string ClassCountsInsertTarget => "class_counts";

    public override string ClassCountsExistingRow => "class_counts";

    public override string StateInsertTarget => "state";

    public override string StateExistingRow => "state";

    public override string DayAsText => "day";

    public override string JsonParameter(string name) => "@" + name;

    public override string BoundName(string name) => Prefixed(name);

    /// <summary>
    /// A parameter's name as the SQL text writes it ("@key"): Microsoft.Data.Sqlite looks a bare name up as it is and
    /// then with each of its three prefixes, building a string and its UTF-8 bytes for every try, on every execution.
    /// </summary>
    internal static string Prefixed(string name) => name.Length > 0 && name[0] is '@' or ':' or '$' ? name : "@" + name;

    public override string JsonAsText(string column) => column;

    public override string JsonField(string column, string field) => $"json_extract({column}, '$.{field}')";

    public override object DayValue(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override bool KeepsConnections => true;

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_connectionString, cancellationToken);

    public override Task<DbConnection> OpenKeptAsync(CancellationToken cancellationToken) => OpenAsync(_keptConnectionString, cancellationToken);

    private async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var handle = connection.Handle;
            if (handle is not null && _configured.TryGetValue(handle, out _))
            {
                return connection;
            }

            await using var pragma = DbCommands.Create(connection, $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA synchronous = NORMAL;", null);
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            if (handle is not null)
            {
                _configured.TryAdd(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Lesson codes made before results keys (no key_hash column) could be read by anyone holding the code: they
        // are dropped with their counts (they would have expired within a day anyway) and the tables made anew.
        await using (var keyed = DbCommands.Create(connection, "SELECT COUNT(*) FROM pragma_table_info('class_codes') WHERE name = 'key_hash'", null))
        {
            if (Convert.ToInt64(await keyed.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await using var drop = DbCommands.Create(connection, "DROP TABLE IF EXISTS class_counts; DROP TABLE IF EXISTS class_codes;", null);
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // No state_expiry index (kind, updated_at): every write of a row moved its entry, about a third of the WAL
        // pages a turn wrote; the sweeper scans the table on a reader instead. Files made before lose it on open.
        const string Sql = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS state (
                key TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('conversation', 'user', 'other')),
                json TEXT NOT NULL,
                etag TEXT NOT NULL,
                updated_at INTEGER NOT NULL);
            DROP INDEX IF EXISTS state_expiry;
            CREATE TABLE IF NOT EXISTS analytics_events (
                id INTEGER PRIMARY KEY,
                day TEXT NOT NULL,
                name TEXT NOT NULL,
                session_key TEXT NOT NULL,
                dims TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS analytics_events_day_name ON analytics_events (day, name);
            CREATE TABLE IF NOT EXISTS class_codes (
                code TEXT PRIMARY KEY NOT NULL,
                band TEXT NOT NULL,
                key_hash TEXT NOT NULL,
                salt TEXT NOT NULL,
                expires_at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS class_codes_expiry ON class_codes (expires_at);
            CREATE TABLE IF NOT EXISTS class_counts (
                code TEXT NOT NULL,
                question TEXT NOT NULL,
                choice TEXT NOT NULL,
                answers INTEGER NOT NULL,
                PRIMARY KEY (code, question, choice));
            CREATE TABLE IF NOT EXISTS class_answered (
                code TEXT NOT NULL,
                mark TEXT NOT NULL,
                PRIMARY KEY (code, mark));
            """;
        await using var command = DbCommands.Create(connection, Sql, null);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
