using Microsoft.Bot.Builder;

namespace AwarenessBot.Storage.Erasure;

/// <summary>Builds the storage keys exactly as ConversationState and UserState do.</summary>
public static class UserDataEraserExtensions
{
    /// <summary>Erases the current conversation's and user's state for this turn's activity.</summary>
    public static Task EraseAsync(this IUserDataEraser eraser, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eraser);
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("Activity has no channel id.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("Activity has no conversation id.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("Activity has no sender id.");
        return eraser.EraseAsync(ConversationKey(channelId, conversationId), UserKey(channelId, userId), cancellationToken);
    }

    /// <summary>ConversationState's key.</summary>
    public static string ConversationKey(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    /// <summary>UserState's key.</summary>
    public static string UserKey(string channelId, string userId) => $"{channelId}/users/{userId}";
}
