using AwarenessBot.Storage.Erasure;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;

namespace AwarenessBot.Storage.Tests.Erasure;

/// <summary>"Delete my data" removes every row of the conversation and its user, checked in SQL.</summary>
public abstract class EraseTests : IAsyncLifetime
{
    private StorageBackend _backend = null!;

    public Task InitializeAsync()
    {
        _backend = CreateBackend();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [DbFact]
    public async Task Erasing_a_turn_deletes_conversation_private_and_user_rows_and_nothing_else()
    {
        var storage = _backend.CreateSqlStore();
        await SaveAllAsync(storage, "conv-1", "user-1");
        await SaveAllAsync(storage, "conv-2", "user-2");
        Assert.Equal(6, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state}"));

        await new StateEraser(storage).EraseAsync(Keys.Conversation("conv-1"), Keys.User("user-1"), CancellationToken.None);

        Assert.Equal(0, await _backend.ScalarAsync(
            "SELECT COUNT(*) FROM {state} WHERE key LIKE @c OR key = @u",
            ("c", Keys.Conversation("conv-1") + "%"),
            ("u", Keys.User("user-1"))));
        Assert.Equal(3, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state}"));
    }

    [DbFact]
    public async Task Erasing_does_not_touch_a_conversation_whose_id_merely_starts_the_same()
    {
        var storage = _backend.CreateSqlStore();
        await SaveAllAsync(storage, "conv-1", "user-1");
        await SaveAllAsync(storage, "conv-10", "user-1");

        await new StateEraser(storage).EraseAsync(Keys.Conversation("conv-1"), Keys.User("user-1"), CancellationToken.None);

        Assert.Equal(1, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state} WHERE key = @k", ("k", Keys.Conversation("conv-10"))));
    }

    protected abstract StorageBackend CreateBackend();

    /// <summary>The rows a turn of the bot leaves: conversation, private conversation (under it) and user state.</summary>
    private static Task<IReadOnlyList<string>> SaveAllAsync(SqlStateStore storage, string conversationId, string userId) => storage.WriteAsync(
        [
            StateWrite.Overwrite(Keys.Conversation(conversationId), """{"x":"y"}"""),
            StateWrite.Overwrite($"{Keys.Conversation(conversationId)}/users/{userId}", """{"x":"y"}"""),
            StateWrite.Overwrite(Keys.User(userId), """{"x":"y"}"""),
        ],
        CancellationToken.None);
}

public sealed class SqliteEraseTests : EraseTests
{
    protected override StorageBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresEraseTests : EraseTests
{
    protected override StorageBackend CreateBackend() => new PostgresBackend();
}
