namespace AwarenessBot.Turns;

/// <summary>
/// The Activity protocol's words for the outgoing model's values (the same strings as the Bot Framework schema's
/// constants), written once for both writers of the protocol: the Bot Connector edge and the Direct Line channel.
/// </summary>
internal static class ActivityWireNames
{
    public const string Message = "message";
    public const string EndOfConversation = "endOfConversation";
    public const string ConversationUpdate = "conversationUpdate";
    public const string CompletedSuccessfully = "completedSuccessfully";
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    public static string Of(OutgoingKind kind) => kind == OutgoingKind.EndOfConversation ? EndOfConversation : Message;

    public static string Of(MessageTextFormat format) => format == MessageTextFormat.Markdown ? "markdown" : "plain";

    public static string Of(MessageInputHint hint) => hint == MessageInputHint.ExpectingInput ? "expectingInput" : "acceptingInput";

    public static string Of(MessageActionType type) => type switch
    {
        MessageActionType.MessageBack => "messageBack",
        MessageActionType.Call => "call",
        MessageActionType.OpenUrl => "openUrl",
        _ => "imBack",
    };
}
