using AwarenessBot.Tests.Privacy;
using Microsoft.AspNetCore.TestHost;
using AwarenessBot.Storage.State;
using Microsoft.Extensions.DependencyInjection;
using static AwarenessBot.Tests.Scale.SqliteRestartTests;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// A turn is saved whole or not at all, even when its save loses a race half-way (one of its two state rows written,
/// the other rejected because another instance wrote first): the retry must run on state this attempt never touched.
/// Races are made deterministic with <see cref="ConflictInjectingStorage"/> over the real SQLite store.
/// </summary>
public sealed class StateSaveAtomicityTests
{
    internal const string DiscardedAttemptBug =
        "Product bug: AwarenessActivityBot saves UserState and ConversationState in two separate IStorage writes (user first). "
        + "When the conversation write then loses the race, the profile write of the discarded attempt stays: here an age answer "
        + "('2' = 13-15) survives although the retry, after a concurrent 'start over', took the same '2' as 'worker'. "
        + "Fix: save both in ONE IStorage.WriteAsync call (the state store commits one call as one compare-and-set transaction): "
        + "StateAccessors.SaveTogetherAsync writing {channel}/conversations/{id} = ConversationState.GetCachedState(ctx).State and "
        + "{channel}/users/{from} = UserState.GetCachedState(ctx).State, called instead of the two SaveChangesAsync.";

    [Fact]
    public async Task A_turn_whose_user_state_save_conflicts_is_applied_once_not_twice()
    {
        using var files = new SqliteFiles();
        await using var factory = TestHosts.Sqlite(files.DataDirectory);
        var (host, storage) = WithInjectedConflicts(factory);
        await using var _ = host;
        using var client = host.CreateClient();
        var conversation = new BotConversation();
        await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");

        // "1" = English. Its conversation-state write succeeds, its user-state write meets another writer's row.
        storage().ArmUserStateConflict();
        var replies = await conversation.SayAsync(client, "1");

        Assert.Equal(1, storage().Injected);
        Assert.Equal(["system_welcome_who"], replies.Keys);
        await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_age");
    }

    /// <summary>
    /// The other order: the profile write of the first attempt commits, then the conversation write loses to a
    /// "start over" sent at the same moment. The age answer of the discarded attempt must not stay in the profile.
    /// </summary>
    [Fact]
    public async Task A_discarded_attempt_leaves_nothing_in_the_profile()
    {
        using var files = new SqliteFiles();
        await using var factory = TestHosts.Sqlite(files.DataDirectory);
        var (host, storage) = WithInjectedConflicts(factory);
        await using var _ = host;
        using var client = host.CreateClient();
        var conversation = new BotConversation();
        await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_who");
        await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_age");

        storage().RunBeforeNextConversationWrite(() => ExpectAsync(conversation.SayAsync(client, "start over"), "system_welcome_intro", "system_welcome_who"));
        var replies = await conversation.SayAsync(client, "2");

        Assert.Equal(1, storage().Injected);
        Assert.Equal(["system_welcome_region"], replies.Keys); // the retry ran after "start over": "2" = worker
        var profile = await UserStateJsonAsync(files);
        Assert.DoesNotContain("13-15", profile, StringComparison.Ordinal);
    }

    private static (Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host, Func<ConflictInjectingStorage> Storage) WithInjectedConflicts(Support.BotHostFactory factory)
    {
        ConflictInjectingStorage? storage = null;
        var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IStateStore));
            services.Remove(original);
            services.AddSingleton<IStateStore>(sp => storage = new ConflictInjectingStorage(
                (IStateStore)(original.ImplementationInstance ?? original.ImplementationFactory!(sp))));
        }));
        return (host, () => storage ?? throw new InvalidOperationException("the host has not created its storage yet"));
    }

    private static async Task<string> UserStateJsonAsync(SqliteFiles files)
    {
        var rows = await files.DumpAllTablesAsync();
        return string.Join("\n", rows["state"].Where(r => r.Contains("kind=user", StringComparison.Ordinal)));
    }
}
