using System.Globalization;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Rendering;

/// <summary>
/// Channel wording in the reply's language, from the content items the engine declares in
/// <see cref="ChannelWording"/> (seeds/content/system/channel_*.yaml; the validator requires them in every locale).
/// </summary>
internal sealed class ChannelWordingText(IContentRepository content)
{
    /// <summary>The answer hint where choices are buttons or a list to tap, or a numbered list in the text.</summary>
    public string AnswerHint(string locale, bool numbered) =>
        Line(numbered ? ChannelWording.AnswerNumbers : ChannelWording.AnswerButtons, locale);

    /// <summary>"Reply 1, 2 or 3." under a numbered list (or "Reply with a number from 1 to 14.").</summary>
    public string ReplyPrompt(string locale, int count) => count >= 1 && count <= ChannelWording.ReplyNumbers.Count
        ? Line(ChannelWording.ReplyNumbers[count - 1], locale)
        : Line(ChannelWording.ReplyMany, locale).Replace(ChannelWording.CountPlaceholder, count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Added to the SMS answer to HELP: what the service is, how to stop, rates, 911 (carriers expect it).</summary>
    public string SmsHelpFooter(string locale) => Line(ChannelWording.SmsHelpFooter, locale);

    /// <summary>The button that opens a WhatsApp list.</summary>
    public string ListButton(string locale) => Line(ChannelWording.ListButton, locale);

    private string Line(string key, string locale) =>
        content.Find(key, locale, null) is { Messages.Count: > 0 } view ? view.Messages[0] : "";
}
