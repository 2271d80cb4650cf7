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
