using AwarenessBot.Storage.Erasure;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Bot.Builder;

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
        var storage = _backend.CreateSqlStorage();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var privateState = new PrivateConversationState(storage);
        await SaveAllAsync(Turns.Create("conv-1", "user-1"), conversation, user, privateState);
        await SaveAllAsync(Turns.Create("conv-2", "user-2"), conversation, user, privateState);
        Assert.Equal(6, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state}"));

        using var turn = Turns.Create("conv-1", "user-1");
        await new SqlStateEraser(storage).EraseAsync(turn, CancellationToken.None);

        Assert.Equal(0, await _backend.ScalarAsync(
            "SELECT COUNT(*) FROM {state} WHERE key LIKE @c OR key = @u",
            ("c", Turns.ConversationKey("conv-1") + "%"),
            ("u", Turns.UserKey("user-1"))));
        Assert.Equal(3, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state}"));
    }

    [DbFact]
    public async Task Erasing_does_not_touch_a_conversation_whose_id_merely_starts_the_same()
    {
        var storage = _backend.CreateSqlStorage();
        var conversation = new ConversationState(storage);
        await SaveAllAsync(Turns.Create("conv-1", "user-1"), conversation);
        await SaveAllAsync(Turns.Create("conv-10", "user-1"), conversation);

        await new SqlStateEraser(storage).EraseAsync(Turns.ConversationKey("conv-1"), Turns.UserKey("user-1"), CancellationToken.None);

        Assert.Equal(1, await _backend.ScalarAsync("SELECT COUNT(*) FROM {state} WHERE key = @k", ("k", Turns.ConversationKey("conv-10"))));
    }

    protected abstract StorageBackend CreateBackend();

    private static async Task SaveAllAsync(TurnContext turn, params BotState[] states)
    {
        using (turn)
        {
            foreach (var state in states)
            {
                await state.CreateProperty<string>("x").SetAsync(turn, "y");
                await state.SaveChangesAsync(turn);
            }
        }
    }
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
