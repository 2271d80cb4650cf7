using AwarenessBot.Storage.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Storage.Tests.State;

/// <summary>What our SQL stores add to the SDK contract: JSON without type names, compare-and-set for BotState.</summary>
public abstract class SqlStorageContractTests : StorageContractTests
{
    [DbFact]
    public async Task Values_come_back_as_JObject_and_are_stored_without_type_names_or_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 3 } });

        var read = (await Storage.ReadAsync(["item"]))["item"];

        var obj = Assert.IsType<JObject>(read);
        Assert.Equal(3, obj.ToObject<PocoStoreItem>()!.Count);
        var stored = await Backend.TextAsync("SELECT json FROM {state} WHERE key = @k", ("k", "item"));
        Assert.DoesNotContain("$type", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("etag", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(obj["eTag"]!.ToString(), await Backend.TextAsync("SELECT etag FROM {state} WHERE key = @k", ("k", "item")));
    }

    [DbFact]
    public async Task Two_instances_saving_the_same_conversation_give_one_success_and_one_conflict()
    {
        var stateA = new ConversationState(Backend.CreateStorage());
        var stateB = new ConversationState(Backend.CreateStorage());
        await SaveCounterAsync(stateA, increments: 1); // the conversation exists: both instances now load it

        using var turnA = Turns.Create();
        using var turnB = Turns.Create();
        await IncrementAsync(stateA, turnA);
        await IncrementAsync(stateB, turnB);

        await stateA.SaveChangesAsync(turnA);
        await Assert.ThrowsAsync<StorageConflictException>(() => stateB.SaveChangesAsync(turnB));
        Assert.Equal(2, await ReadCounterAsync(stateA));
    }

    [DbFact]
    public async Task Two_first_turns_creating_the_same_conversation_give_one_success_and_one_conflict()
    {
        var stateA = new ConversationState(Backend.CreateStorage());
        var stateB = new ConversationState(Backend.CreateStorage());
        using var turnA = Turns.Create();
        using var turnB = Turns.Create();
        await IncrementAsync(stateA, turnA);
        await IncrementAsync(stateB, turnB);

        await stateA.SaveChangesAsync(turnA);

        // B read "no row"; a row exists now, so overwriting would lose A's turn.
        await Assert.ThrowsAsync<StorageConflictException>(() => stateB.SaveChangesAsync(turnB));
    }

    [DbFact]
    public async Task Retrying_the_losing_turn_loses_no_update()
    {
        var states = new[] { new ConversationState(Backend.CreateStorage()), new ConversationState(Backend.CreateStorage()) };
        const int TurnsPerInstance = 10;

        // Both instances race on the same conversation; each retries on conflict as the host does.
        await Task.WhenAll(states.Select(state => Task.Run(async () =>
        {
            for (var i = 0; i < TurnsPerInstance; i++)
            {
                await SaveCounterAsync(state, increments: 1);
            }
        })));

        Assert.Equal(2 * TurnsPerInstance, await ReadCounterAsync(states[0]));
    }

    [DbFact]
    public async Task A_second_save_in_the_same_turn_matches_the_etag_the_first_save_produced()
    {
        var state = new ConversationState(Storage);
        var counter = state.CreateProperty<int>("counter");
        using var turn = Turns.Create();
        await counter.SetAsync(turn, 1);
        await state.SaveChangesAsync(turn);

        await counter.SetAsync(turn, 2);
        await state.SaveChangesAsync(turn);

        Assert.Equal(2, await ReadCounterAsync(state));
    }

    [DbFact]
    public async Task Deleting_state_then_setting_it_again_in_the_same_turn_creates_a_fresh_row()
    {
        var state = new ConversationState(Storage);
        await SaveCounterAsync(state, increments: 3);
        using var turn = Turns.Create();

        // The supported "reset": BotState.DeleteAsync removes the row; the next save is a create.
        await state.DeleteAsync(turn);
        await state.CreateProperty<int>("counter").SetAsync(turn, 7);
        await state.SaveChangesAsync(turn);

        Assert.Equal(7, await ReadCounterAsync(state));
    }

    [DbFact]
    public async Task ClearStateAsync_on_an_existing_row_conflicts_so_the_host_must_use_DeleteAsync_to_reset()
    {
        var state = new ConversationState(Storage);
        await SaveCounterAsync(state, increments: 3);
        using var turn = Turns.Create();
        await state.LoadAsync(turn);

        // ClearStateAsync drops the eTag with the rest of the state, so the save looks like a create over a live row.
        await state.ClearStateAsync(turn);

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(turn));
        Assert.Equal(3, await ReadCounterAsync(state));
    }

    [DbFact]
    public async Task Conversation_state_survives_as_a_json_object_readable_by_a_typed_property()
    {
        var state = new ConversationState(Storage);
        var dialog = state.CreateProperty<DialogLikeState>("dialog");
        using (var turn = Turns.Create())
        {
            await dialog.SetAsync(turn, new DialogLikeState { FlowId = "worker_rights", StepId = "ask_province", Slots = { ["region"] = "QC" } });
            await state.SaveChangesAsync(turn);
        }

        using var next = Turns.Create();
        var loaded = await new ConversationState(Backend.CreateStorage()).CreateProperty<DialogLikeState>("dialog").GetAsync(next, () => new DialogLikeState());

        Assert.Equal("ask_province", loaded.StepId);
        Assert.Equal("QC", loaded.Slots["region"]);
    }

    [DbFact]
    public async Task A_write_that_conflicts_writes_none_of_the_batch()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["b"] = new PocoStoreItem { Id = "b", Count = 1 } });
        var stale = await ReadAsync<PocoStoreItem>("b");
        await Storage.WriteAsync(new Dictionary<string, object> { ["b"] = new PocoStoreItem { Id = "b", Count = 2, ETag = "*" } });

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new PocoItem { Id = "a" },
            ["b"] = stale,
        }));

        Assert.Empty(await Storage.ReadAsync(["a"]));
    }

    private static async Task IncrementAsync(ConversationState state, ITurnContext turn)
    {
        var counter = state.CreateProperty<int>("counter");
        await counter.SetAsync(turn, await counter.GetAsync(turn, () => 0) + 1);
    }

    /// <summary>One full turn with the host's retry-on-conflict loop.</summary>
    private static async Task SaveCounterAsync(ConversationState state, int increments)
    {
        for (var i = 0; i < increments; i++)
        {
            while (true)
            {
                using var turn = Turns.Create();
                await IncrementAsync(state, turn);
                try
                {
                    await state.SaveChangesAsync(turn);
                    break;
                }
                catch (StorageConflictException)
                {
                    // another instance saved first: run the turn again on fresh state
                }
            }
        }
    }

    private static async Task<int> ReadCounterAsync(ConversationState state)
    {
        using var turn = Turns.Create();
        return await state.CreateProperty<int>("counter").GetAsync(turn, () => 0);
    }
}
