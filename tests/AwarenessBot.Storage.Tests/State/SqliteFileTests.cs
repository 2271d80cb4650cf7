using AwarenessBot.Storage.Tests.Support;
using Microsoft.Bot.Builder;

namespace AwarenessBot.Storage.Tests.State;

public sealed class SqliteFileTests : IAsyncLifetime
{
    private SqliteBackend _backend = null!;

    public Task InitializeAsync()
    {
        _backend = CreateBackend();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Conversation_state_survives_disposing_the_storage_and_opening_the_same_file_again()
    {
        await using (var firstProcess = new SqliteBackendOnSameFile(_backend))
        {
            using var turn = Turns.Create();
            var state = new ConversationState(firstProcess.CreateSqlStorage());
            await state.CreateProperty<DialogLikeState>("dialog").SetAsync(turn, new DialogLikeState { FlowId = "sextortion", Turns = 4 });
            await state.SaveChangesAsync(turn);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // no pooled connection survives "the restart"
        Assert.True(File.Exists(_backend.Options.SqliteFilePath));

        using var next = Turns.Create();
        await using var secondProcess = new SqliteBackendOnSameFile(_backend);
        var reopened = new ConversationState(secondProcess.CreateSqlStorage());
        var loaded = await reopened.CreateProperty<DialogLikeState>("dialog").GetAsync(next, () => new DialogLikeState());

        Assert.Equal("sextortion", loaded.FlowId);
        Assert.Equal(4, loaded.Turns);
    }

    [Fact]
    public async Task The_file_is_created_under_the_data_directory_in_wal_mode_with_the_state_table()
    {
        await _backend.CreateStorage().WriteAsync(new Dictionary<string, object> { [Turns.UserKey()] = new PocoItem() });

        Assert.True(File.Exists(Path.Combine(_backend.Options.DataDirectory, "awarenessbot.db")));
        Assert.Equal("wal", await _backend.TextAsync("PRAGMA journal_mode"));
        Assert.Equal("user", await _backend.TextAsync("SELECT kind FROM state"));
        Assert.Equal(1, await _backend.ScalarAsync("SELECT COUNT(*) FROM pragma_table_info('state') WHERE name = 'updated_at'"));
    }

    private static SqliteBackend CreateBackend() => new();

    /// <summary>A second process's view: new dialect and storage objects, same options (same file).</summary>
    private sealed class SqliteBackendOnSameFile(SqliteBackend original) : StorageBackend
    {
        public override bool IsSql => true;

        internal override AwarenessBot.Storage.State.SqlDialect CreateDialect() => new AwarenessBot.Storage.Sqlite.SqliteDialect(original.Options);
    }
}
