namespace AwarenessBot.Turns;

/// <summary>What the bot sends, in the host's own terms: a message, or the end of the conversation.</summary>
internal enum OutgoingKind
{
    Message,

    /// <summary>The person said stop on a channel that understands it (code completedSuccessfully).</summary>
    EndOfConversation,
}

/// <summary>Markdown where the channel renders it, plain elsewhere.</summary>
internal enum MessageTextFormat
{
    Plain,
    Markdown,
}

/// <summary>Whether the bot waits for an answer to this message (its last one asks a question) or not.</summary>
internal enum MessageInputHint
{
    AcceptingInput,
    ExpectingInput,
}

/// <summary>
/// One outgoing message, as renderers make it and channels deliver it. The fields are the Activity protocol's (text,
/// textFormat, inputHint, locale, suggested actions, a hero card's buttons, channelData) so that the Bot Connector
/// edge (<c>BotFramework/OutgoingActivity</c>) and the Direct Line channel (<c>DirectLine/DirectLineActivityJson</c>)
/// each write it with one mapping, and the Twilio and WhatsApp channels read only what they need.
/// </summary>
internal sealed record OutgoingMessage
{
    public OutgoingKind Kind { get; init; } = OutgoingKind.Message;

    public string? Text { get; init; }

    /// <summary>Null where the sender never said (the safe error reply on rich channels), as the SDK's MessageFactory left it.</summary>
    public MessageTextFormat? TextFormat { get; init; }

    public MessageInputHint? InputHint { get; init; }

    public string? Locale { get; init; }

    /// <summary>Buttons shown under the message until the person answers (channels show them under the last message only).</summary>
    public IReadOnlyList<MessageAction> SuggestedActions { get; init; } = [];

    /// <summary>Buttons of a hero card attached to the message (where suggested actions do not fit or are not shown).</summary>
    public IReadOnlyList<MessageAction> CardButtons { get; init; } = [];

    /// <summary>Typed (<see cref="MessageChannelData"/>); each channel writes it once, as its wire needs it.</summary>
    public MessageChannelData? ChannelData { get; init; }

    public static OutgoingMessage EndOfConversation { get; } = new() { Kind = OutgoingKind.EndOfConversation };
}
