using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// Web Chat shows only the LAST message's suggested actions (botframework-webchat-core queueIncomingActivitySaga
/// takes the last message activity of a burst and sets its suggestedActions; any later message replaces them).
/// So contact buttons (call, chat, website) on a service card followed by a menu must not be suggested actions.
/// </summary>
public sealed class WebChatButtonVisibilityTests(ConversationHostFactory factory) : IClassFixture<ConversationHostFactory>
{
    internal const string Bug =
        "bug: the renderer puts suggested actions on every reply, but Web Chat shows only the last message's, so each " +
        "service's Call/Text/Chat/Website buttons are replaced by the menu that follows and the chat and website links " +
        "(not written in the text on Markdown channels) are never visible. Fix: in RichReplyRenderer.Render pass " +
        "`isLastReply: i == replies.Count - 1` to RenderOne and use suggested actions only when it is true; for earlier " +
        "replies use hero-card buttons when choices.Count <= MaxCardButtons, else the plain-text list.";

    [Fact]
    public async Task Only_the_last_message_of_a_turn_carries_suggested_actions()
    {
        var bed = new BotTestBed(factory.Services, "webchat-services", "webchat");
        await bed.SendAsync(bed.UserJoined());
        foreach (var answer in new[] { "1", "2", "British Columbia", "3" })
        {
            await bed.SayAsync(answer);
        }

        var messages = (await bed.SayAsync("a safe place to stay")).Where(a => a.Type == ActivityTypes.Message).Select(a => a.AsMessageActivity()).ToList();

        Assert.Contains(messages, m => BotTranscriptDriver.ResponseKey(m).StartsWith("service:", StringComparison.Ordinal));
        Assert.All(messages.SkipLast(1), m => Assert.Null(m.SuggestedActions));
    }

    [Fact]
    public async Task Service_cards_carry_contact_buttons_on_web_chat()
    {
        var bed = new BotTestBed(factory.Services, "webchat-service-buttons", "webchat");
        await bed.SendAsync(bed.UserJoined());
        foreach (var answer in new[] { "1", "2", "British Columbia", "3" })
        {
            await bed.SayAsync(answer);
        }

        var services = (await bed.SayAsync("a safe place to stay"))
            .Where(a => a.Type == ActivityTypes.Message && BotTranscriptDriver.ResponseKey(a).StartsWith("service:", StringComparison.Ordinal))
            .Select(a => a.AsMessageActivity())
            .ToList();

        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.NotEmpty(BotTranscriptDriver.ButtonValues(s)));
        Assert.All(services.SelectMany(BotTranscriptDriver.ButtonValues), v => Assert.Matches("^(tel:|sms:|https://)", v));
    }
}
