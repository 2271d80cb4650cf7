using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// Through the real bot, engine and content: the same re-prompt says how to answer on each channel (channel wording
/// from content items), and web chat shows a label longer than 20 characters whole.
/// </summary>
public sealed class ChannelWordingTests(ConversationHostFactory factory) : IClassFixture<ConversationHostFactory>
{
    [Theory]
    [InlineData("webchat", "Sorry, I didn't get that. Pick a button, or tell me in a few words.")]
    [InlineData("msteams", "Sorry, I didn't get that. Pick a button, or tell me in a few words.")]
    [InlineData("sms", "Sorry, I didn't get that. Reply with a number from the list, or tell me in a few words.")]
    public async Task The_reprompt_says_how_to_answer_on_this_channel(string channel, string reprompt)
    {
        var bed = new BotTestBed(factory.Services, "reprompt-wording-" + channel, channel);
        await bed.SendAsync(bed.UserJoined());
        await bed.SayAsync("English");

        var replies = Messages(await bed.SayAsync("purple elephants"));

        var message = Assert.Single(replies, m => BotTranscriptDriver.ResponseKey(m) == "system_reprompt");
        Assert.StartsWith(reprompt, message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_chat_buttons_carry_whole_labels()
    {
        var bed = new BotTestBed(factory.Services, "whole-labels", "webchat");
        await bed.SendAsync(bed.UserJoined());

        var who = Messages(await bed.SayAsync("Français"))[^1];

        Assert.Contains("Je travaille au Canada", who.SuggestedActions.Actions.Select(a => a.Title));
        Assert.DoesNotContain(who.SuggestedActions.Actions, a => a.Title.EndsWith('…'));
    }

    private static List<IMessageActivity> Messages(List<IActivity> activities) =>
        [.. activities.Where(a => a.Type == ActivityTypes.Message).Select(a => a.AsMessageActivity())];
}
