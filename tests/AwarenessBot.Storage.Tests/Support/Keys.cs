namespace AwarenessBot.Storage.Tests.Support;

/// <summary>Keys shaped like the bot's (the kinds the expiry rules know), for a Direct Line conversation and user.</summary>
public static class Keys
{
    public const string Channel = "directline";

    public static string Conversation(string conversationId = "conv-1") => $"{Channel}/conversations/{conversationId}";

    public static string User(string userId = "user-1") => $"{Channel}/users/{userId}";
}
