using AwarenessBot.Storage.Tests.Support;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Storage.Tests.WebChannel;

/// <summary>
/// What every web channel store does, memory and PostgreSQL alike: the Direct Line channel relies on exactly this
/// (ids, watermarks, token nonces, limits, expiry). The concrete classes choose the store.
/// </summary>
public abstract class WebChannelStoreContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    protected WebChannelSubscribers Subscribers { get; } = new();

    // One secret for every instance of a test, as a deployment has (the PostgreSQL store seals activities with it).
    protected WebChannelOptions Limits { get; } = new() { MaxConversations = 3, MaxActivitiesPerConversation = 10, ConversationIdleTimeout = Idle, Secret = "contract-test-secret-0123456789abcdef" };

    private IWebChannelStore? _store;

    protected IWebChannelStore Store => _store ??= CreateStore();

    protected abstract IWebChannelStore CreateStore();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [DbFact]
    public async Task A_created_conversation_is_found_with_its_user_and_an_unknown_one_is_not()
    {
        var created = await Store.TryCreateAsync("c1", "dl_u1", default);
        var found = await Store.FindAsync("c1", default);

        Assert.Equal(new WebConversation("c1", "dl_u1", false, null, null, DateTimeOffset.MinValue), created);
        Assert.NotNull(found);
        Assert.Equal("dl_u1", found.UserId);
        Assert.False(found.Started);
        Assert.Null(await Store.FindAsync("nobody", default));
    }

    [DbFact]
    public async Task Only_the_first_caller_marks_a_conversation_started()
    {
        await Store.TryCreateAsync("c1", "u", default);

        Assert.True(await Store.TryMarkStartedAsync("c1", default));
        Assert.False(await Store.TryMarkStartedAsync("c1", default));
        Assert.False(await Store.TryMarkStartedAsync("unknown", default));
        Assert.True((await Store.FindAsync("c1", default))!.Started);
    }

    [DbFact]
    public async Task A_replaced_token_is_accepted_only_during_its_grace()
    {
        await Store.TryCreateAsync("c1", "u", default);
        await Store.ReplaceTokenAsync("c1", "first", TimeSpan.FromSeconds(30), default);
        await Store.ReplaceTokenAsync("c1", "second", TimeSpan.FromSeconds(30), default);

        var conversation = (await Store.FindAsync("c1", default))!;

        Assert.True(conversation.AcceptsToken("second", Time.GetUtcNow()));
        Assert.True(conversation.AcceptsToken("first", Time.GetUtcNow().AddSeconds(29)));
        Assert.False(conversation.AcceptsToken("first", Time.GetUtcNow().AddSeconds(30)));
        Assert.False(conversation.AcceptsToken("never-issued", Time.GetUtcNow()));
    }

    [DbFact]
    public async Task Appends_are_numbered_from_one_and_read_back_after_a_watermark_byte_for_byte()
    {
        await Store.TryCreateAsync("c1", "u", default);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(i, await Store.AppendAsync("c1", (sequence, _) => $"{{\"n\":{sequence},\"s\":\"é ✓\"}}", default));
        }

        var all = await Store.ReadAfterAsync("c1", 0, default);
        var after2 = await Store.ReadAfterAsync("c1", 2, default);

        Assert.Equal([1L, 2L, 3L], all.Select(a => a.Sequence));
        Assert.Equal("{\"n\":1,\"s\":\"é ✓\"}", all[0].Json);
        Assert.Equal(3, Assert.Single(after2).Sequence);
        Assert.Empty(await Store.ReadAfterAsync("c1", 3, default));
    }

    [DbFact]
    public async Task Only_the_newest_activities_are_kept_and_watermarks_keep_counting()
    {
        await Store.TryCreateAsync("c1", "u", default);
        for (var i = 0; i < 15; i++)
        {
            await Store.AppendAsync("c1", (_, _) => "{}", default);
        }

        var kept = await Store.ReadAfterAsync("c1", 0, default);

        Assert.Equal(Enumerable.Range(6, 10).Select(i => (long)i), kept.Select(a => a.Sequence));
    }

    [DbFact]
    public async Task Timestamps_get_their_own_millisecond_even_when_appended_at_the_same_moment()
    {
        await Store.TryCreateAsync("c1", "u", default);
        var stamps = new List<DateTimeOffset>();
        for (var i = 0; i < 4; i++)
        {
            await Store.AppendAsync("c1", (_, timestamp) =>
            {
                stamps.Add(timestamp);
                return "{}";
            }, default);
        }

        var start = Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal([start, start + 1, start + 2, start + 3], stamps.Select(s => s.ToUnixTimeMilliseconds()));
    }

    [DbFact]
    public async Task Appending_to_an_unknown_conversation_keeps_nothing()
    {
        Assert.Null(await Store.AppendAsync("unknown", (_, _) => "{}", default));
        Assert.Empty(await Store.ReadAfterAsync("unknown", 0, default));
    }

    [DbFact]
    public async Task A_lookup_keeps_a_conversation_alive_and_idleness_forgets_it_with_its_activities()
    {
        await Store.TryCreateAsync("kept", "u", default);
        await Store.TryCreateAsync("idle", "u", default);
        await Store.AppendAsync("idle", (_, _) => "{}", default);
        Time.Advance(Idle - TimeSpan.FromMinutes(1));
        Assert.NotNull(await Store.FindAsync("kept", default));
        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(await Store.FindAsync("idle", default));
        await Store.EvictIdleAsync(default);
        Assert.Equal(1, await Store.CountAsync(default));
        Assert.NotNull(await Store.FindAsync("kept", default));
        Assert.Empty(await Store.ReadAfterAsync("idle", 0, default));
    }

    [DbFact]
    public async Task Forgetting_a_conversation_ends_its_subscriptions()
    {
        await Store.TryCreateAsync("c1", "u", default);
        using var subscription = Store.Subscribe("c1");
        Time.Advance(Idle);

        Assert.Equal(1, await Store.EvictIdleAsync(default));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.False(await subscription.WaitAsync(timeout.Token));
    }

    [DbFact]
    public async Task An_append_signals_the_conversations_subscribers_only()
    {
        await Store.TryCreateAsync("c1", "u", default);
        await Store.TryCreateAsync("c2", "u", default);
        using var mine = Store.Subscribe("c1");
        using var theirs = Store.Subscribe("c2");

        await Store.AppendAsync("c1", (_, _) => "{}", default);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await mine.WaitAsync(timeout.Token));
        Assert.False(theirs.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [DbFact]
    public async Task A_full_table_forgets_idle_conversations_then_the_idlest_quiet_one_and_refuses_only_when_all_are_recent()
    {
        await Store.TryCreateAsync("oldest", "u", default);
        Time.Advance(TimeSpan.FromSeconds(30));
        await Store.TryCreateAsync("older", "u", default);
        await Store.TryCreateAsync("recent", "u", default);
        Time.Advance(TimeSpan.FromSeconds(40));

        // Full (3): "oldest" has been quiet for 70 s, so it makes room.
        Assert.NotNull(await Store.TryCreateAsync("newcomer", "u", default));
        Assert.Null(await Store.FindAsync("oldest", default));

        // Full again, and every conversation was active within the last minute: refused.
        Assert.Null(await Store.TryCreateAsync("refused", "u", default));
        Assert.Equal(3, await Store.CountAsync(default));

        // Past the idle timeout all three are forgotten at once.
        Time.Advance(Idle);
        Assert.NotNull(await Store.TryCreateAsync("after", "u", default));
        Assert.Equal(1, await Store.CountAsync(default));
    }
}

public sealed class MemoryWebChannelStoreTests : WebChannelStoreContractTests
{
    protected override IWebChannelStore CreateStore() =>
        new MemoryWebChannelStore(Subscribers, Microsoft.Extensions.Options.Options.Create(Limits), Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<MemoryWebChannelStore>.Instance);
}
