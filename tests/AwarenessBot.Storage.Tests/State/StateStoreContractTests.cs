using System.Text.Json;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;

namespace AwarenessBot.Storage.Tests.State;

/// <summary>
/// The state store contract, the same on every backend: compare-and-set by ETag, creates that lose to a live row,
/// all-or-nothing batches (the bot saves its conversation and user together), keys of any characters.
/// </summary>
public abstract class StateStoreContractTests : BackendTests<StorageBackend>
{
    protected IStateStore Store { get; private set; } = null!;

    protected override void OnInitialized(StorageBackend backend) => Store = backend.CreateStore();

    [DbFact]
    public async Task Reading_a_missing_key_leaves_it_out_of_the_result()
    {
        await WriteAsync(StateWrite.Create("present", Counter(1)));

        var result = await Store.ReadAsync(["present", "missing"], CancellationToken.None);

        Assert.True(result.ContainsKey("present"));
        Assert.False(result.ContainsKey("missing"));
    }

    [DbFact]
    public async Task Deleting_an_unknown_key_is_a_no_op_and_deleting_a_key_removes_it()
    {
        await WriteAsync(StateWrite.Create("kept", Counter(1)), StateWrite.Create("gone", Counter(1)));

        await Store.DeleteAsync(["unknown_key", "gone"], CancellationToken.None);

        Assert.Equal(["kept"], (await Store.ReadAsync(["kept", "gone"], CancellationToken.None)).Keys);
    }

    [DbFact]
    public async Task A_create_returns_an_etag_that_changes_on_every_write_and_reads_return_it()
    {
        var first = (await WriteAsync(StateWrite.Create("item", Counter(1))))[0];
        Assert.False(string.IsNullOrEmpty(first));
        Assert.Equal(first, (await ReadAsync("item")).ETag);

        var second = (await WriteAsync(StateWrite.Replace("item", Counter(2), first)))[0];

        Assert.NotEqual(first, second);
        var read = await ReadAsync("item");
        Assert.Equal(second, read.ETag);
        Assert.Equal(2, CountOf(read));
    }

    [DbFact]
    public async Task A_stale_etag_is_rejected_and_the_stored_value_is_unchanged()
    {
        var stale = (await WriteAsync(StateWrite.Create("item", Counter(1))))[0];
        await WriteAsync(StateWrite.Replace("item", Counter(2), stale));

        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(StateWrite.Replace("item", Counter(123), stale)));

        Assert.Equal(2, CountOf(await ReadAsync("item")));
    }

    [DbFact]
    public async Task An_empty_etag_never_matches()
    {
        await WriteAsync(StateWrite.Create("item", Counter(100)));

        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(StateWrite.Replace("item", Counter(5), string.Empty)));

        Assert.Equal(100, CountOf(await ReadAsync("item")));
    }

    [DbFact]
    public async Task A_replace_of_a_key_that_does_not_exist_conflicts()
    {
        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(StateWrite.Replace("never", Counter(1), "some-etag")));

        Assert.Empty(await Store.ReadAsync(["never"], CancellationToken.None));
    }

    [DbFact]
    public async Task Overwrite_replaces_whatever_is_stored_and_creates_when_nothing_is()
    {
        await WriteAsync(StateWrite.Overwrite("item", Counter(1)));
        await WriteAsync(StateWrite.Overwrite("item", Counter(100)));

        Assert.Equal(100, CountOf(await ReadAsync("item")));
    }

    [DbFact]
    public async Task Two_first_turns_creating_the_same_key_give_one_success_and_one_conflict()
    {
        var other = Backend.CreateStore();
        await WriteAsync(StateWrite.Create(Keys.Conversation(), Counter(1)));

        // The second writer read "no row"; a row exists now, so writing would lose the first turn.
        await Assert.ThrowsAsync<StorageConflictException>(
            () => other.WriteAsync([StateWrite.Create(Keys.Conversation(), Counter(1))], CancellationToken.None));
    }

    [DbFact]
    public async Task Two_instances_replacing_the_same_version_give_one_success_and_one_conflict()
    {
        var other = Backend.CreateStore();
        var read = (await WriteAsync(StateWrite.Create(Keys.Conversation(), Counter(1))))[0];

        await WriteAsync(StateWrite.Replace(Keys.Conversation(), Counter(2), read));
        await Assert.ThrowsAsync<StorageConflictException>(
            () => other.WriteAsync([StateWrite.Replace(Keys.Conversation(), Counter(2), read)], CancellationToken.None));

        Assert.Equal(2, CountOf(await ReadAsync(Keys.Conversation())));
    }

    [DbFact]
    public async Task A_batch_with_one_stale_write_writes_none_of_the_batch()
    {
        var stale = (await WriteAsync(StateWrite.Create(Keys.User(), Counter(1))))[0];
        await WriteAsync(StateWrite.Overwrite(Keys.User(), Counter(2)));

        // The bot's turn: conversation and user in one batch; the user row moved on, so the conversation must not be kept.
        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(
            StateWrite.Create(Keys.Conversation(), Counter(1)),
            StateWrite.Replace(Keys.User(), Counter(3), stale)));

        Assert.Empty(await Store.ReadAsync([Keys.Conversation()], CancellationToken.None));
        Assert.Equal(2, CountOf(await ReadAsync(Keys.User())));
    }

    [DbFact]
    public async Task A_batch_returns_one_new_etag_per_write_in_order()
    {
        var etags = await WriteAsync(StateWrite.Create(Keys.Conversation(), Counter(1)), StateWrite.Create(Keys.User(), Counter(2)));

        var read = await Store.ReadAsync([Keys.Conversation(), Keys.User()], CancellationToken.None);
        Assert.Equal([read[Keys.Conversation()].ETag, read[Keys.User()].ETag], etags);
    }

    [DbFact]
    public async Task A_batch_naming_a_key_twice_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(StateWrite.Overwrite("k", Counter(1)), StateWrite.Overwrite("k", Counter(2))));

        Assert.Empty(await Store.ReadAsync(["k"], CancellationToken.None));
    }

    [DbFact]
    public async Task Retrying_the_losing_turn_loses_no_update()
    {
        var stores = new[] { Store, Backend.CreateStore() };
        const int TurnsPerInstance = 10;

        // Both instances race on the same key; each reads, increments and retries on conflict as the host does.
        await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            for (var i = 0; i < TurnsPerInstance; i++)
            {
                await IncrementAsync(store, Keys.Conversation());
            }
        })));

        Assert.Equal(2 * TurnsPerInstance, CountOf(await ReadAsync(Keys.Conversation())));
    }

    [DbFact]
    public async Task The_stored_json_comes_back_as_written_without_the_etag_inside()
    {
        const string Json = """{"dialog":{"flowId":"worker_rights","when":"2026-11-28T09:00:00Z","slots":{"region":"QC"}}}""";
        await WriteAsync(StateWrite.Create("item", Json));

        using var read = JsonDocument.Parse((await ReadAsync("item")).Json);

        Assert.Equal("2026-11-28T09:00:00Z", read.RootElement.GetProperty("dialog").GetProperty("when").GetString());
        Assert.Equal("QC", read.RootElement.GetProperty("dialog").GetProperty("slots").GetProperty("region").GetString());
        Assert.DoesNotContain("etag", read.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [DbTheory]
    [InlineData("!@#$%^&*()~/\\><,.?';\"`~")]
    [InlineData("'; DROP TABLE state; --")]
    [InlineData("msteams/conversations/a:1_b%2F/users/29:ü 東京 🚀")]
    [InlineData("percent%_underscore_like")]
    public async Task Keys_with_any_characters_round_trip(string key)
    {
        await WriteAsync(StateWrite.Create(key, Counter(1)));

        Assert.Equal(1, CountOf(await ReadAsync(key)));
        await Store.DeleteAsync([key], CancellationToken.None);
        Assert.Empty(await Store.ReadAsync([key], CancellationToken.None));
    }

    private static string Counter(int count) => $$"""{"count":{{count}}}""";

    private static int CountOf(StateDocument document)
    {
        using var json = JsonDocument.Parse(document.Json);
        return json.RootElement.GetProperty("count").GetInt32();
    }

    /// <summary>One turn with the host's retry-on-conflict loop.</summary>
    private static async Task IncrementAsync(IStateStore store, string key)
    {
        while (true)
        {
            var read = await store.ReadAsync([key], CancellationToken.None);
            var write = read.TryGetValue(key, out var document)
                ? StateWrite.Replace(key, Counter(CountOf(document) + 1), document.ETag)
                : StateWrite.Create(key, Counter(1));
            try
            {
                await store.WriteAsync([write], CancellationToken.None);
                return;
            }
            catch (StorageConflictException)
            {
                // another instance saved first: run the turn again on fresh state
            }
        }
    }

    private Task<IReadOnlyList<string>> WriteAsync(params StateWrite[] writes) => Store.WriteAsync(writes, CancellationToken.None);

    private async Task<StateDocument> ReadAsync(string key)
    {
        var items = await Store.ReadAsync([key], CancellationToken.None);
        Assert.True(items.TryGetValue(key, out var document), "key not found");
        return document;
    }
}
