using AwarenessBot.Tests.Privacy;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using static AwarenessBot.Tests.Scale.SqliteRestartTests;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// A turn is applied exactly once even when its state save loses a race half-way: conversation state written,
/// user state rejected because another instance wrote that row in between (what the two-instance test hits).
/// </summary>
public sealed class StateSaveAtomicityTests
{
    internal const string HalfSavedTurnBug =
        "Product bug: AwarenessActivityBot saves ConversationState and UserState in two separate writes. When the user-state "
        + "write conflicts after the conversation-state write committed, the retry reruns the turn on the already-advanced "
        + "conversation, so one message is applied twice (here a '1' meaning 'youth' is also taken as age band 9-12). "
        + "Fix: write both keys in ONE IStorage.WriteAsync call (the SQL store runs it as one compare-and-set transaction).";

    [Fact(Skip = HalfSavedTurnBug)]
    public async Task A_turn_whose_user_state_save_conflicts_is_applied_once_not_twice()
    {
        using var files = new SqliteFiles();
        ConflictInjectingStorage? storage = null;
        await using var factory = TestHosts.Sqlite(files.DataDirectory);
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IStorage));
            services.Remove(original);
            services.AddSingleton<IStorage>(sp => storage = new ConflictInjectingStorage(
                (IStorage)(original.ImplementationInstance ?? original.ImplementationFactory!(sp))));
        }));
        using var client = host.CreateClient();
        var conversation = new BotConversation();
        await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");

        // "1" = English. Its conversation-state write succeeds, its user-state write meets another writer's row.
        storage!.ArmUserStateConflict();
        var replies = await conversation.SayAsync(client, "1");

        Assert.Equal(1, storage.Injected);
        Assert.Equal(["system_welcome_who"], replies.Keys);
        await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_age");
    }
}
