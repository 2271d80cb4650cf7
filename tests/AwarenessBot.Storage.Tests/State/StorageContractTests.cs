using AwarenessBot.Storage.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Storage.Tests.State;

/// <summary>
/// The IStorage contract (after botbuilder-dotnet StorageBaseTests), run against every backend by a subclass.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private StorageBackend? _backend;

    protected StorageBackend Backend => _backend ?? throw new InvalidOperationException("Not initialised.");

    protected IStorage Storage { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _backend = CreateBackend();
        Storage = Backend.CreateStorage();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }

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

    protected abstract StorageBackend CreateBackend();

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

    /// <summary>Our stores throw StorageConflictException; the SDK's MemoryStorage throws ArgumentException.</summary>
    protected Task AssertConflictAsync(Func<Task> write) => Backend.IsSql
        ? Assert.ThrowsAsync<StorageConflictException>(write)
        : Assert.ThrowsAnyAsync<Exception>(write);
}
