using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>
/// One incoming turn in the host's own terms, whichever channel brought it (Direct Line, Twilio SMS, WhatsApp, or a
/// Bot Connector activity translated at the edge): so the turn runner, not the bot SDK, is what every channel calls.
/// </summary>
/// <param name="Kind">The person joined (the bot greets) or sent a message.</param>
/// <param name="ChannelId">A known channel id (<see cref="BotFramework.KnownChannels"/>): it picks the renderer and the state keys.</param>
/// <param name="ConversationId">The channel's conversation id; stored only hashed (<see cref="BotFramework.StateKeys"/>).</param>
/// <param name="UserId">The channel's id of the person; stored only hashed.</param>
/// <param name="ActivityId">The channel's id of this message, so a resent one is not applied twice; null when it has none.</param>
internal sealed record ChannelTurn(TurnKind Kind, string ChannelId, string ConversationId, string UserId, string? ActivityId)
{
    /// <summary>What the person typed: the only text that is analysed (language, risk signals).</summary>
    public string? Text { get; init; }

    /// <summary>The value a pressed button sent instead of text (messageBack, postBack); answered, never analysed.</summary>
    public string? ChoiceValue { get; init; }

    /// <summary>The channel's locale of the message (e.g. "fr-CA"), if it sent one.</summary>
    public string? Locale { get; init; }

    /// <summary>ConversationStart only: the page was opened from a lesson link.</summary>
    public LessonStart? Lesson { get; init; }
}
