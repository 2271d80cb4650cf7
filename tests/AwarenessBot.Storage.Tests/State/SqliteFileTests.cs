using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;

namespace AwarenessBot.Storage.Tests.State;

public sealed class SqliteFileTests : BackendTests<SqliteBackend>
{
    [Fact]
    public async Task Conversation_state_survives_disposing_the_storage_and_opening_the_same_file_again()
    {
        string etag;
        await using (var firstProcess = new SqliteBackendOnSameFile(Backend))
        {
            var written = await firstProcess.CreateSqlStore().WriteAsync(
                [StateWrite.Create(Keys.Conversation(), StateJson.Serialize(new DialogLike("sextortion", 4)))], CancellationToken.None);
            etag = written[0];
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // no pooled connection survives "the restart"
        Assert.True(File.Exists(Backend.Options.SqliteFilePath));

        await using var secondProcess = new SqliteBackendOnSameFile(Backend);
        var read = await secondProcess.CreateSqlStore().ReadAsync([Keys.Conversation()], CancellationToken.None);
        var document = read[Keys.Conversation()];

        Assert.Equal(etag, document.ETag);
        Assert.Equal(new DialogLike("sextortion", 4), StateJson.Deserialize<DialogLike>(document));
    }

    [Fact]
    public async Task The_file_is_created_under_the_data_directory_in_wal_mode_with_the_state_table()
    {
        await Backend.CreateStore().WriteAsync([StateWrite.Create(Keys.User(), "{}")], CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(Backend.Options.DataDirectory, "awarenessbot.db")));
        Assert.Equal("wal", await Backend.TextAsync("PRAGMA journal_mode"));
        Assert.Equal("user", await Backend.TextAsync("SELECT kind FROM state"));
        Assert.Equal(1, await Backend.ScalarAsync("SELECT COUNT(*) FROM pragma_table_info('state') WHERE name = 'updated_at'"));
        Assert.Equal(0, await Backend.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'state' AND sql IS NOT NULL"));
    }

    [Fact]
    public async Task A_file_made_with_the_expiry_index_loses_it_on_open_keeps_its_rows_and_still_hides_and_sweeps_expired_ones()
    {
        // The schema as it was before the index was dropped, with a fresh row, an expired one and a user row.
        var nowMs = Backend.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var hours = (long)TimeSpan.FromHours(1).TotalMilliseconds;
        Directory.CreateDirectory(Backend.Options.DataDirectory);
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Backend.Options.SqliteFilePath};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE state (
                    key TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('conversation', 'user', 'other')),
                    json TEXT NOT NULL,
                    etag TEXT NOT NULL,
                    updated_at INTEGER NOT NULL);
                CREATE INDEX state_expiry ON state (kind, updated_at);
                INSERT INTO state VALUES ('emulator/conversations/fresh', 'conversation', '{"n":1}', 'etag-fresh', @fresh);
                INSERT INTO state VALUES ('emulator/conversations/stale', 'conversation', '{"n":2}', 'etag-stale', @stale);
                INSERT INTO state VALUES ('emulator/users/someone', 'user', '{"n":3}', 'etag-user', @stale);
                """;
            create.Parameters.AddWithValue("@fresh", nowMs - hours);
            create.Parameters.AddWithValue("@stale", nowMs - (4 * hours));
            await create.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        for (var open = 0; open < 2; open++)
        {
            // Twice: the second open of the migrated file (another process, a restart) finds nothing to change.
            await using var process = new SqliteBackendOnSameFile(Backend);
            var store = process.CreateSqlStore();
            var read = await store.ReadAsync(["emulator/conversations/fresh", "emulator/conversations/stale", "emulator/users/someone"], CancellationToken.None);

            Assert.Equal(["emulator/conversations/fresh", "emulator/users/someone"], read.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("etag-fresh", read["emulator/conversations/fresh"].ETag);
            Assert.Equal("""{"n":1}""", read["emulator/conversations/fresh"].Json);
            Assert.Equal(0, await Backend.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'state_expiry'"));
            Assert.Equal(open == 0 ? 1 : 0, await store.DeleteExpiredAsync(CancellationToken.None));
            Assert.Equal(2, await Backend.ScalarAsync("SELECT COUNT(*) FROM state"));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Every_opened_connection_has_the_busy_timeout_and_normal_sync_also_when_it_comes_from_the_pool()
    {
        var dialect = new AwarenessBot.Storage.Sqlite.SqliteDialect(Backend.Options);
        for (var open = 0; open < 3; open++)
        {
            // Three opens, two of them of the pooled native connection, whose pragmas are no longer run again.
            await using var connection = await dialect.OpenAsync(CancellationToken.None);
            Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous")); // NORMAL
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var fresh = await dialect.OpenAsync(CancellationToken.None);
        Assert.Equal(5000L, await ScalarAsync(fresh, "PRAGMA busy_timeout"));
        Assert.Equal(1L, await ScalarAsync(fresh, "PRAGMA synchronous"));
    }

    protected override SqliteBackend CreateBackend() => new();

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record DialogLike(string FlowId, int Turns);

    /// <summary>A second process's view: new dialect and storage objects, same options (same file).</summary>
    private sealed class SqliteBackendOnSameFile(SqliteBackend original) : StorageBackend
    {
        public override bool IsSql => true;

        internal override AwarenessBot.Storage.State.SqlDialect CreateDialect() => new AwarenessBot.Storage.Sqlite.SqliteDialect(original.Options);
    }
}
