using Microsoft.AspNetCore.TestHost;
using AwarenessBot.Storage.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// The bot saves state before sending and runs the turn again when a save loses a compare-and-set race, so the
/// person sees one answer, computed on fresh state, exactly once.
/// </summary>
public sealed class StateConflictTests(ConversationHostFactory factory) : IClassFixture<ConversationHostFactory>
{
    /// <summary>A host whose storage can lose races, and a conversation waiting at the language question.</summary>
    private async Task<(IDisposable Host, BotTestBed Bed, ConflictingStorage Storage)> AtLanguageQuestionAsync(string name)
    {
        var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            var original = s.Last(d => d.ServiceType == typeof(IStateStore));
            s.Remove(original);
            s.AddSingleton<IStateStore>(sp => new ConflictingStorage((IStateStore)(original.ImplementationInstance ?? original.ImplementationFactory!(sp))));
        }));
        var storage = (ConflictingStorage)host.Services.GetRequiredService<IStateStore>();
        var bed = new BotTestBed(host.Services, name);
        Assert.Equal(["system_welcome_intro", "system_welcome_language"], BotTestBed.Keys(await bed.SendAsync(bed.UserJoined())).Distinct());
        return (host, bed, storage);
    }

    [Fact]
    public async Task A_lost_race_on_the_conversation_is_retried_and_answered_once()
    {
        var (host, bed, storage) = await AtLanguageQuestionAsync("conflict-conversation");
        using var disposeHost = host;
        storage.FailNextWrites("/conversations/", 1);

        var replies = await bed.SayAsync("1");

        Assert.Equal(["system_welcome_who"], BotTestBed.Keys(replies));
        Assert.Equal(0, storage.RemainingFailures);
        Assert.Equal(["system_welcome_age"], BotTestBed.Keys(await bed.SayAsync("1")));
    }

    [Fact]
    public async Task Losing_every_retry_asks_the_person_to_repeat_and_keeps_the_old_state()
    {
        var (host, bed, storage) = await AtLanguageQuestionAsync("conflict-always");
        using var disposeHost = host;
        storage.FailNextWrites("/conversations/", 3);

        var reply = Assert.Single(await bed.SayAsync("1"));

        Assert.Contains("send it again", reply.AsMessageActivity().Text, StringComparison.Ordinal);
        Assert.Equal(["system_welcome_who"], BotTestBed.Keys(await bed.SayAsync("1")));
    }

    [Fact]
    public async Task A_lost_race_on_the_user_state_does_not_apply_the_message_twice()
    {
        var (host, bed, storage) = await AtLanguageQuestionAsync("conflict-user");
        using var disposeHost = host;
        storage.FailNextWrites("/users/", 1);

        var replies = await bed.SayAsync("1");

        Assert.Equal(0, storage.RemainingFailures);
        Assert.Equal(["system_welcome_who"], BotTestBed.Keys(replies));
    }
}
