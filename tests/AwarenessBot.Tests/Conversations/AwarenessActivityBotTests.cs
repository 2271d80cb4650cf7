using AwarenessBot.Engine.Abstractions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Tests.Conversations;

/// <summary>The thin bot on the SDK's TestAdapter over the host's real turn runner, engine, content and storage.</summary>
public sealed class AwarenessActivityBotTests(ConversationHostFactory factory) : IClassFixture<ConversationHostFactory>
{
    private const string WelcomeIntro = "system_welcome_intro";

    private static Action<IActivity> Key(string expected) =>
        activity => Assert.Equal(expected, BotTranscriptDriver.ResponseKey(activity));

    [Fact]
    public async Task A_user_joining_is_greeted_once()
    {
        var bed = new BotTestBed(factory.Services, "greet-once");

        await bed.Flow()
            .Send(bed.UserJoined())
            .AssertKeys(bed.Adapter, WelcomeIntro, "system_welcome_language")
            .StartTestAsync();

        Assert.Empty(await bed.SendAsync(bed.BotJoined()));
        var reAdded = await bed.SendAsync(bed.UserJoined());
        Assert.DoesNotContain(WelcomeIntro, BotTestBed.Keys(reAdded));
    }

    [Fact]
    public async Task Only_the_bot_joining_says_nothing()
    {
        var bed = new BotTestBed(factory.Services, "bot-joins");

        var replies = await bed.SendAsync(bed.BotJoined());

        Assert.Empty(replies);
        Assert.Empty(await bed.StoredKeysAsync());
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("webchat")]
    public async Task A_first_message_without_conversation_update_gets_the_welcome(string channel)
    {
        var bed = new BotTestBed(factory.Services, "no-update-" + channel, channel);

        await bed.Flow()
            .Send("hello")
            .AssertKeys(bed.Adapter, WelcomeIntro, "system_welcome_language")
            .StartTestAsync();
    }

    [Fact]
    public async Task State_survives_across_turns_and_adapters()
    {
        var first = new BotTestBed(factory.Services, "resume");
        await first.Flow()
            .Send(first.UserJoined())
            .AssertKeys(first.Adapter, WelcomeIntro, "system_welcome_language")
            .Send("1")
            .AssertKeys(first.Adapter, "system_welcome_who")
            .StartTestAsync();

        // A new adapter (another instance, a restart) over the same storage continues at the same step.
        var second = new BotTestBed(factory.Services, "resume");
        await second.Flow()
            .Send("1")
            .AssertReply(Key("system_welcome_age"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Delete_my_data_after_confirmation_removes_both_state_keys()
    {
        var bed = new BotTestBed(factory.Services, "delete");
        await bed.SendAsync(bed.UserJoined());
        await bed.SayAsync("1");
        Assert.Equal(2, (await bed.StoredKeysAsync()).Count);

        Assert.Equal(["system_delete_confirm"], BotTestBed.Keys(await bed.SayAsync("delete my data")));
        Assert.Equal(2, (await bed.StoredKeysAsync()).Count);
        Assert.Equal(["system_delete_done"], BotTestBed.Keys(await bed.SayAsync("yes")));

        Assert.Empty(await bed.StoredKeysAsync());
    }

    [Theory]
    [InlineData("webchat", true)]
    [InlineData("directline", true)]
    [InlineData("emulator", true)]
    [InlineData("test", true)]
    [InlineData("sms", false)]
    public async Task Stop_ends_the_conversation_where_the_channel_understands_it(string channel, bool expectEnd)
    {
        var bed = new BotTestBed(factory.Services, "stop-" + channel, channel);
        await bed.SendAsync(bed.UserJoined());

        var replies = await bed.SayAsync("STOP");

        Assert.Equal(["system_stop"], BotTestBed.Keys(replies));
        Assert.Equal(expectEnd, replies.Any(a => a.Type == ActivityTypes.EndOfConversation));
        if (expectEnd)
        {
            Assert.Equal(ActivityTypes.EndOfConversation, replies[^1].Type);
        }
    }

    [Fact]
    public async Task Real_text_that_raises_a_signal_opens_the_crisis_flow_with_triage_on_every_message()
    {
        var bed = new BotTestBed(factory.Services, "real-crisis", "webchat");
        await bed.SendAsync(bed.UserJoined());

        var replies = (await bed.SayAsync("my boss keeps my passport and says he will hurt me"))
            .Where(a => a.Type == ActivityTypes.Message).ToList();

        var crisisKey = BotTranscriptDriver.ResponseKey(replies[0]);
        Assert.StartsWith("system_crisis_", crisisKey, StringComparison.Ordinal);
        Assert.All(replies, reply =>
        {
            var triage = ((JObject)reply.ChannelData)["triage"];
            Assert.NotNull(triage);
            Assert.Equal(crisisKey["system_crisis_".Length..], triage.Value<string>("category"));
            Assert.Equal("high", triage.Value<string>("severity"));
        });
    }

    [Fact]
    public async Task A_message_without_a_signal_has_no_triage()
    {
        var bed = new BotTestBed(factory.Services, "no-triage", "webchat");
        await bed.SendAsync(bed.UserJoined());

        var replies = await bed.SayAsync("1");

        Assert.NotEmpty(replies);
        Assert.All(replies, reply => Assert.Null(((JObject)reply.ChannelData)["triage"]));
    }

    [Fact]
    public async Task A_failing_engine_gets_the_bilingual_safe_message_and_a_fresh_conversation()
    {
        var engine = new Mock<IDialogEngine>();
        engine.SetupSequence(e => e.RunTurn(It.IsAny<TurnInput>(), It.IsAny<DialogSessionState>(), It.IsAny<UserProfileState>()))
            .Returns(new TurnResult([new BotReply("system_welcome_intro", [Paragraph.Of("Hi")], [], "en")], [], TurnEffects.None))
            .Throws(new InvalidOperationException("engine failure"));
        using var failing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IDialogEngine>();
            s.AddSingleton(engine.Object);
        }));
        var bed = new BotTestBed(failing.Services, "failing");
        await bed.SayAsync("hello");
        Assert.Contains(bed.ConversationKey, await bed.StoredKeysAsync());

        await bed.Flow()
            .Send("I need help")
            .AssertReply(activity =>
            {
                var text = activity.AsMessageActivity().Text;
                Assert.Contains("911", text, StringComparison.Ordinal);
                Assert.Contains("Sorry", text, StringComparison.Ordinal);
                Assert.Contains("Désolé", text, StringComparison.Ordinal);
            })
            .AssertNoReply()
            .StartTestAsync();

        // Only the conversation starts over; the chosen language (user state) is kept.
        Assert.Equal([bed.UserKey], await bed.StoredKeysAsync());
    }
}
