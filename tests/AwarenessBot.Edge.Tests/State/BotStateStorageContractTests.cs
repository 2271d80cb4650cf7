using AwarenessBot.Edge.Tests.Support;
using AwarenessBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Edge.Tests.State;

/// <summary>
/// The IStorage contract (after botbuilder-dotnet StorageBaseTests) and what the adapter adds to it — JSON without
/// type names, compare-and-set for BotState, one write as one batch — run against every backend by a subclass.
/// </summary>
public abstract class BotStateStorageContractTests : BackendTests<StateBackend>
{
    protected IStorage Storage { get; private set; } = null!;

    protected override void OnInitialized(StateBackend backend) => Storage = backend.CreateStorage();

    [DbFact]
    public async Task Reading_a_missing_key_leaves_it_out_of_the_result()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["present"] = new PocoItem { Id = "1" } });

        var result = await Storage.ReadAsync(["present", "missing"]);

        Assert.True(result.ContainsKey("present"));
        Assert.False(result.ContainsKey("missing"));
    }

    [DbFact]
    public async Task Deleting_an_unknown_key_is_a_no_op()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["kept"] = new PocoItem { Id = "1" } });

        await Storage.DeleteAsync(["unknown_key"]);

        Assert.Single(await Storage.ReadAsync(["kept"]));
    }

    [DbFact]
    public async Task Deleting_a_key_removes_it()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["delete1"] = new PocoStoreItem { Id = "1", Count = 1 } });

        await Storage.DeleteAsync(["delete1"]);

        Assert.Empty(await Storage.ReadAsync(["delete1"]));
    }

    [DbFact]
    public async Task A_store_item_without_etag_is_created_and_gets_an_etag_that_changes_on_every_write()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "2", Count = 1 } });
        var first = await ReadAsync<PocoStoreItem>("item");
        Assert.Equal("2", first.Id);
        Assert.False(string.IsNullOrEmpty(first.ETag));
        var firstETag = first.ETag;

        first.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = first });
        var second = await ReadAsync<PocoStoreItem>("item");

        Assert.Equal(2, second.Count);
        Assert.False(string.IsNullOrEmpty(second.ETag));
        Assert.NotEqual(firstETag, second.ETag);
    }

    [DbFact]
    public async Task A_stale_etag_is_rejected_and_the_stored_value_is_unchanged()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 1 } });
        var stale = await ReadAsync<PocoStoreItem>("item");
        var fresh = await ReadAsync<PocoStoreItem>("item");
        fresh.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = fresh });

        stale.Count = 123;
        await AssertConflictAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["item"] = stale }));

        Assert.Equal(2, (await ReadAsync<PocoStoreItem>("item")).Count);
    }

    [DbFact]
    public async Task A_wildcard_etag_overwrites_whatever_is_stored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 1 } });

        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 100, ETag = "*" } });

        Assert.Equal(100, (await ReadAsync<PocoStoreItem>("item")).Count);
    }

    [DbFact]
    public async Task An_empty_etag_on_an_existing_item_is_rejected()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 100 } });
        var loaded = await ReadAsync<PocoStoreItem>("item");

        loaded.ETag = string.Empty;
        loaded.Count = 5;
        await AssertConflictAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["item"] = loaded }));

        Assert.Equal(100, (await ReadAsync<PocoStoreItem>("item")).Count);
    }

    [DbFact]
    public async Task Plain_objects_are_last_writer_wins()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["poco"] = new PocoItem { Id = "1", Count = 1 } });

        await Storage.WriteAsync(new Dictionary<string, object> { ["poco"] = new PocoItem { Id = "1", Count = 123 } });

        Assert.Equal(123, (await ReadAsync<PocoItem>("poco")).Count);
    }

    [DbTheory]
    [InlineData("!@#$%^&*()~/\\><,.?';\"`~")]
    [InlineData("'; DROP TABLE state; --")]
    [InlineData("msteams/conversations/a:1_b%2F/users/29:ü 東京 🚀")]
    [InlineData("percent%_underscore_like")]
    public async Task Keys_with_any_characters_round_trip(string key)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoStoreItem { Id = "1" } });

        Assert.Equal("1", (await ReadAsync<PocoStoreItem>(key)).Id);
        await Storage.DeleteAsync([key]);
        Assert.Empty(await Storage.ReadAsync([key]));
    }

    [DbFact]
    public async Task User_state_persists_across_turns_through_the_sdk_test_adapter()
    {
        var userState = new UserState(Storage);
        var conversationState = new ConversationState(Storage);
        var profile = userState.CreateProperty<DialogLikeState>("profile");
        var dialog = conversationState.CreateProperty<DialogLikeState>("dialog");
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(userState, conversationState));

        await new TestFlow(adapter, async (turn, ct) =>
            {
                var p = await profile.GetAsync(turn, () => new DialogLikeState(), ct);
                var d = await dialog.GetAsync(turn, () => new DialogLikeState(), ct);
                d.Turns++;
                if (turn.Activity.Text == "set")
                {
                    p.Slots["locale"] = "fr";
                    d.FlowId = "youth_grooming";
                }

                await turn.SendActivityAsync($"{p.Slots.GetValueOrDefault("locale", "none")}|{d.FlowId}|{d.Turns}", cancellationToken: ct);
            })
            .Test("set", "fr|youth_grooming|1")
            .Test("get", "fr|youth_grooming|2")
            .StartTestAsync();
    }

    protected async Task<T> ReadAsync<T>(string key)
    {
        var items = await Storage.ReadAsync([key]);
        Assert.True(items.TryGetValue(key, out var value), "key not found");
        return value switch
        {
            T typed => typed,
            JObject obj => obj.ToObject<T>()!,
            _ => throw new InvalidOperationException($"Unexpected {value?.GetType().Name}"),
        };
    }

    protected static Task AssertConflictAsync(Func<Task> write) => Assert.ThrowsAsync<StorageConflictException>(write);

    [DbFact]
    public async Task Values_come_back_as_JObject_and_are_stored_without_type_names_or_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Id = "1", Count = 3 } });

        var read = (await Storage.ReadAsync(["item"]))["item"];

        var obj = Assert.IsType<JObject>(read);
        Assert.Equal(3, obj.ToObject<PocoStoreItem>()!.Count);
        var stored = (await Backend.Store.ReadAsync(["item"], CancellationToken.None))["item"];
        Assert.DoesNotContain("$type", stored.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("etag", stored.Json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(obj["eTag"]!.ToString(), stored.ETag);
    }

    [DbFact]
    public async Task Two_instances_saving_the_same_conversation_give_one_success_and_one_conflict()
    {
        var (stateA, stateB) = TwoInstances();
        await SaveCounterAsync(stateA, increments: 1); // the conversation exists: both instances now load it

        await AssertSecondOfTwoConcurrentTurnsConflictsAsync(stateA, stateB);

        Assert.Equal(2, await ReadCounterAsync(stateA));
    }

    [DbFact]
    public async Task Two_first_turns_creating_the_same_conversation_give_one_success_and_one_conflict()
    {
        var (stateA, stateB) = TwoInstances();

        // B read "no row"; once A has saved a row exists, so overwriting would lose A's turn.
        await AssertSecondOfTwoConcurrentTurnsConflictsAsync(stateA, stateB);
    }

    [DbFact]
    public async Task Retrying_the_losing_turn_loses_no_update()
    {
        var (stateA, stateB) = TwoInstances();
        var states = new[] { stateA, stateB };
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
        var state = await ConversationWithCounterAsync(3);
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
        var state = await ConversationWithCounterAsync(3);
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
        await SetInOneTurnAsync(state, "dialog", new DialogLikeState { FlowId = "worker_rights", StepId = "ask_province", Slots = { ["region"] = "QC" } });

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

    [DbFact]
    public async Task A_new_conversation_may_be_created_over_an_expired_row_not_yet_swept()
    {
        var state = new ConversationState(Storage);
        await SetInOneTurnAsync(state, "counter", 41);

        Backend.Time.Advance(TimeSpan.FromHours(5));
        using var later = Turns.Create();
        var counter = state.CreateProperty<int>("counter");

        Assert.Equal(0, await counter.GetAsync(later, () => 0));
        await counter.SetAsync(later, 1);
        await state.SaveChangesAsync(later);
        Assert.Equal(1, await ReadCounterAsync(state));
    }

    /// <summary>Two bot instances, each with its own storage object over the same data.</summary>
    private (ConversationState A, ConversationState B) TwoInstances() =>
        (new ConversationState(Backend.CreateStorage()), new ConversationState(Backend.CreateStorage()));

    /// <summary>A conversation whose counter was saved by <paramref name="count"/> turns.</summary>
    private async Task<ConversationState> ConversationWithCounterAsync(int count)
    {
        var state = new ConversationState(Storage);
        await SaveCounterAsync(state, increments: count);
        return state;
    }

    /// <summary>Both instances load and increment in the same turn; the first save wins, the second conflicts.</summary>
    private static async Task AssertSecondOfTwoConcurrentTurnsConflictsAsync(ConversationState first, ConversationState second)
    {
        using var turnA = Turns.Create();
        using var turnB = Turns.Create();
        await IncrementAsync(first, turnA);
        await IncrementAsync(second, turnB);

        await first.SaveChangesAsync(turnA);
        await Assert.ThrowsAsync<StorageConflictException>(() => second.SaveChangesAsync(turnB));
    }

    /// <summary>One turn that sets a property and saves.</summary>
    private static async Task SetInOneTurnAsync<T>(ConversationState state, string property, T value)
    {
        using var turn = Turns.Create();
        await state.CreateProperty<T>(property).SetAsync(turn, value);
        await state.SaveChangesAsync(turn);
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
