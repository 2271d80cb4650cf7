using AwarenessBot.BotFramework;

namespace AwarenessBot.Tests.Support;

/// <summary>The storage keys the host writes for a conversation sent by <see cref="ActivityJson"/> (user "user-{id}", anonymous mode).</summary>
internal static class HostStateKeys
{
    private static readonly StateKeys Keys = new(scopeUsersByConversation: true);

    public static string[] For(string conversationId, string channelId = "emulator")
    {
        return [StateKeys.Conversation(channelId, conversationId), Keys.User(channelId, conversationId, "user-" + conversationId)];
    }
}
