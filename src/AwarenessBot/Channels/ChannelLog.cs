namespace AwarenessBot.Channels;

/// <summary>Provider channels' routine log lines: provider message ids and fixed words only, never text or numbers.</summary>
internal static partial class ChannelLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio message {MessageSid}: {Keyword}")]
    public static partial void TwilioKeyword(ILogger logger, string messageSid, string keyword);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageId} delivered again: ignored")]
    public static partial void WhatsAppDuplicate(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageId} of kind {Kind} has no text: no turn")]
    public static partial void WhatsAppNoText(ILogger logger, string messageId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {MessageId} is for another business number: ignored")]
    public static partial void WhatsAppOtherNumber(ILogger logger, string messageId);
}
