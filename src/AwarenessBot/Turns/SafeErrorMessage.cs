using AwarenessBot.Rendering;

namespace AwarenessBot.Turns;

/// <summary>
/// The messages the bot sends when a turn fails. Bilingual because the failure may have happened before the
/// language was known; it always names 911 because the person may have been disclosing danger.
/// Kept in code on purpose: it must work even when the content repository is what failed. Draft wording by the
/// team, awaiting expert review; the French is a draft translation.
/// </summary>
internal static class SafeErrorMessage
{
    private const string Text =
        "Sorry, something went wrong on our side. Please send your message again, or type MENU. " +
        "If you are in danger now, call 911.\n\n" +
        "Désolé, un problème est survenu de notre côté. Renvoie ton message ou écris MENU. " +
        "Si tu es en danger maintenant, appelle le 911.";

    private const string RepeatText =
        "Sorry, I could not keep up with that message. Please send it again.\n\n" +
        "Désolé, je n'ai pas pu suivre ce message. Renvoie-le, s'il te plaît.";

    public static OutgoingMessage Create(string channelId) => Build(Text, channelId);

    /// <summary>Sent when a turn lost every retry against a concurrent turn of the same conversation.</summary>
    public static OutgoingMessage PleaseRepeat(string channelId) => Build(RepeatText, channelId);

    /// <summary>No locale and no text format except on text-only channels: the language is not known here.</summary>
    private static OutgoingMessage Build(string text, string channelId) => new()
    {
        Text = text,
        TextFormat = ChannelCapabilities.For(channelId).PlainTextOnly ? MessageTextFormat.Plain : null,
        InputHint = MessageInputHint.AcceptingInput,
    };
}
