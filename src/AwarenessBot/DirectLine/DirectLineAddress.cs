namespace AwarenessBot.DirectLine;

/// <summary>Who talks in a web conversation and where: what the channel writes on every activity it keeps.</summary>
internal sealed record DirectLineAddress(string ConversationId, string UserId, string BotId, string BotName, string ServiceUrl);
