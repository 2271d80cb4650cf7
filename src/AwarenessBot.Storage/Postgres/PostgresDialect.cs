using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using AwarenessBot.Storage.State;
using Npgsql;

namespace AwarenessBot.Storage.Postgres;

/// <summary>PostgreSQL: JSONB values, tables in a configurable schema, schema creation serialised by an advisory lock.</summary>
internal sealed partial class PostgresDialect : SqlDialect
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    public PostgresDialect(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres.");
        }

        // Identifiers cannot be parameters, so the schema name is checked instead.
        if (!SchemaName().IsMatch(options.PostgresSchema))
        {
            throw new InvalidOperationException("Storage:PostgresSchema must match ^[a-z_][a-z0-9_]{0,62}$.");
        }

        _schema = options.PostgresSchema;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    public string Schema => _schema;

    /// <summary>The pool, for the web channel's store and its LISTEN connection.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Open web (Direct Line) conversations: registry, watermark counter and token nonces.</summary>
    public string WebConversationsTable => $"\"{_schema}\".directline_conversations";

    /// <summary>The web conversations' activity logs: each activity's final JSON, sealed (see <c>ActivitySeal</c>).</summary>
    public string WebActivitiesTable => $"\"{_schema}\".directline_activities";

    public override string StateTable => $"\"{_schema}\".state";

    public override string AnalyticsTable => $"\"{_schema}\".analytics_events";

    public override string ClassCodesTable => $"\"{_schema}\".class_codes";

    public override string ClassCountsTable => $"\"{_schema}\".class_counts";

    public override string ClassAnsweredTable => $"\"{_schema}\".class_answered";

    public override string ClassCountsInsertTarget => $"\"{_schema}\".class_counts AS existing";

    public override string ClassCountsExistingRow => "existing";

    public override string StateInsertTarget => $"\"{_schema}\".state AS existing";

    public override string StateExistingRow => "existing";

    public override string DayAsText => "to_char(day, 'YYYY-MM-DD')";

    public override string JsonParameter(string name) => $"CAST(@{name} AS jsonb)";

    public override string JsonAsText(string column) => column + "::text";

    public override string JsonField(string column, string field) => $"({column} ->> '{field}')";

    public override object DayValue(DateOnly day) => day;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        => await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Two instances starting together would race on CREATE ... IF NOT EXISTS; the advisory lock serialises them.
        // CREATE SCHEMA checks the CREATE privilege on the database even when the schema exists, so a least-privilege
        // role (owner of an existing schema only) skips it.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var advisoryLock = DbCommands.Create(connection, "SELECT pg_advisory_xact_lock(hashtext('awarenessbot-schema'))", transaction))
        {
            await advisoryLock.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var check = DbCommands.Create(
            connection, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", transaction, ("schema", _schema)))
        {
            var exists = (bool)(await check.ExecuteScalarAsync(cancellationToken))!;
            if (!exists)
            {
                await using var createSchema = DbCommands.Create(connection, $"CREATE SCHEMA IF NOT EXISTS \"{_schema}\"", transaction);
                await createSchema.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // Lesson codes made before results keys (no key_hash column) could be read by anyone holding the code: they
        // are dropped with their counts (they would have expired within a day anyway) and the tables made anew.
        await using (var keyed = DbCommands.Create(
            connection,
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = @schema AND table_name = 'class_codes' AND column_name = 'key_hash'",
            transaction,
            ("schema", _schema)))
        {
            if (Convert.ToInt64(await keyed.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await using var drop = DbCommands.Create(connection, $"DROP TABLE IF EXISTS {ClassCountsTable}; DROP TABLE IF EXISTS {ClassCodesTable};", transaction);
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var sql = $"""
            CREATE TABLE IF NOT EXISTS {StateTable} (
                key text PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('conversation', 'user', 'other')),
                json jsonb NOT NULL,
                etag text NOT NULL,
                updated_at bigint NOT NULL);
            CREATE INDEX IF NOT EXISTS state_expiry ON {StateTable} (kind, updated_at);
            CREATE TABLE IF NOT EXISTS {AnalyticsTable} (
                id bigserial PRIMARY KEY,
                day date NOT NULL,
                name text NOT NULL,
                session_key text NOT NULL,
                dims jsonb NOT NULL);
            CREATE INDEX IF NOT EXISTS analytics_events_day_name ON {AnalyticsTable} (day, name);
            CREATE TABLE IF NOT EXISTS {ClassCodesTable} (
                code text PRIMARY KEY,
                band text NOT NULL,
                key_hash text NOT NULL,
                salt text NOT NULL,
                expires_at bigint NOT NULL);
            CREATE INDEX IF NOT EXISTS class_codes_expiry ON {ClassCodesTable} (expires_at);
            CREATE TABLE IF NOT EXISTS {ClassCountsTable} (
                code text NOT NULL,
                question text NOT NULL,
                choice text NOT NULL,
                answers bigint NOT NULL,
                PRIMARY KEY (code, question, choice));
            CREATE TABLE IF NOT EXISTS {ClassAnsweredTable} (
                code text NOT NULL,
                mark text NOT NULL,
                PRIMARY KEY (code, mark));
            CREATE TABLE IF NOT EXISTS {WebConversationsTable} (
                id text PRIMARY KEY,
                user_id text NOT NULL,
                started boolean NOT NULL DEFAULT false,
                current_nonce text,
                previous_nonce text,
                previous_valid_until bigint NOT NULL DEFAULT 0,
                last_sequence bigint NOT NULL DEFAULT 0,
                last_timestamp bigint NOT NULL DEFAULT 0,
                last_seen bigint NOT NULL);
            CREATE INDEX IF NOT EXISTS directline_conversations_last_seen ON {WebConversationsTable} (last_seen);
            CREATE TABLE IF NOT EXISTS {WebActivitiesTable} (
                conversation_id text NOT NULL REFERENCES {WebConversationsTable} (id) ON DELETE CASCADE,
                sequence bigint NOT NULL,
                sealed bytea NOT NULL,
                PRIMARY KEY (conversation_id, sequence));
            """;
        await using var command = DbCommands.Create(connection, sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
