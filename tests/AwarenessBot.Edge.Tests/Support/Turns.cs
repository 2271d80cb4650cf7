using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Edge.Tests.Support;

/// <summary>Turn contexts shaped like Direct Line turns, for driving ConversationState/UserState by hand.</summary>
public static class Turns
{
    public const string Channel = "directline";

    public static TurnContext Create(string conversationId = "conv-1", string userId = "user-1")
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = Channel,
            Conversation = new ConversationAccount(id: conversationId),
            From = new ChannelAccount(id: userId),
            Recipient = new ChannelAccount(id: "bot"),
            Text = "hello",
        };
        return new TurnContext(new TestAdapter(), activity);
    }

    public static string ConversationKey(string conversationId = "conv-1") => $"{Channel}/conversations/{conversationId}";

    public static string UserKey(string userId = "user-1") => $"{Channel}/users/{userId}";
}
