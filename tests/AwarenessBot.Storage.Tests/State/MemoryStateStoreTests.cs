using AwarenessBot.Storage.Expiry;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Storage.Tests.State;

/// <summary>What the SQL stores prove with SQL (ExpiryTests, EraseTests), for the in-process store the Memory provider uses.</summary>
public sealed class MemoryStateStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryStateStore _store;

    public MemoryStateStoreTests()
    {
        _store = new MemoryStateStore(new ExpiryPolicy(new StorageOptions(), _time));
    }

    [Fact]
    public async Task Rows_idle_past_their_kind_ttl_read_as_absent_and_the_sweep_deletes_only_those()
    {
        await WriteAsync(Keys.Conversation(), Keys.User(), "global-settings");

        _time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromSeconds(1));

        Assert.Equal([Keys.User()], (await _store.ReadAsync([Keys.Conversation(), Keys.User()], CancellationToken.None)).Keys);
        Assert.Equal(1, await _store.DeleteExpiredAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(2, await _store.DeleteExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_deletes_the_conversation_the_keys_under_it_and_the_user_only()
    {
        await WriteAsync(
            Keys.Conversation("conv-1"),
            Keys.Conversation("conv-1") + "/users/user-1",
            Keys.User("user-1"),
            Keys.Conversation("conv-10"),
            Keys.User("user-2"));

        var erased = await _store.EraseAsync(Keys.Conversation("conv-1"), Keys.User("user-1"), CancellationToken.None);

        Assert.Equal(3, erased);
        var left = await _store.ReadAsync([Keys.Conversation("conv-10"), Keys.User("user-2")], CancellationToken.None);
        Assert.Equal(2, left.Count);
    }

    private Task<IReadOnlyList<string>> WriteAsync(params string[] keys)
        => _store.WriteAsync([.. keys.Select(k => StateWrite.Create(k, """{"count":1}"""))], CancellationToken.None);
}
