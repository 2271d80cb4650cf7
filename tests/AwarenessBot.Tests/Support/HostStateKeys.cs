using AwarenessBot.BotFramework;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Support;

/// <summary>The storage keys the host writes for a conversation sent by <see cref="ActivityJson"/> (user "user-{id}", anonymous mode).</summary>
internal static class HostStateKeys
{
    private static readonly StateKeys Keys = new(scopeUsersByConversation: true);

    public static string[] For(string conversationId, string channelId = "emulator")
    {
        var activity = new Activity
        {
            ChannelId = channelId,
            Conversation = new ConversationAccount(id: conversationId),
            From = new ChannelAccount("user-" + conversationId),
        };
        return [StateKeys.Conversation(activity), Keys.User(activity)];
    }
}
