namespace AwarenessBot.Engine.Abstractions;

/// <summary>
/// One message to show, as typed parts: no Markdown and no channel wording. The edge renders it per channel family
/// (rich web chat and Emulator, Teams, plain-text SMS, WhatsApp), which is where buttons, numbered lists and "Reply
/// 1, 2 or 3" come from.
/// </summary>
/// <param name="ResponseKey">A stable key (content id or system response key) that tests assert on in any language.</param>
/// <param name="Parts">Paragraphs and service cards, in order; empty only when content was missing.</param>
/// <param name="Choices">What the person can answer with, in order: "2" means the second on every channel.</param>
public sealed record BotReply(string ResponseKey, IReadOnlyList<ReplyPart> Parts, IReadOnlyList<ReplyChoice> Choices, string Locale)
{
    /// <summary>The audience of the content variant the text came from (9-12, all, concerned…); null when not from content.</summary>
    public string? Audience { get; init; }
}

/// <summary>A part of a reply: a <see cref="Paragraph"/> or a <see cref="ServiceCard"/>.</summary>
public abstract record ReplyPart;

/// <summary>A paragraph of text: plain runs, emphasis, links and the channel's answer hint.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Inlines) : ReplyPart
{
    public static Paragraph Of(string text) => new([new TextRun(text)]);
}

/// <summary>
/// A service from the directory, in the reply's language. Every channel shows the name and writes out the published
/// numbers (a call button does nothing on a desktop or a basic phone); rich channels add a button per contact.
/// </summary>
/// <param name="Hours">The published hours, else null.</param>
/// <param name="OpenNow">Only for a sourced weekly schedule and a live contact; null otherwise (unknown hours are
/// never "closed", and a 24/7 line carries no label).</param>
/// <param name="Contacts">In the order to show: phone, text line, chat, website.</param>
/// <param name="Note">A short note from the directory (who it is for, what to do where there is no 911), else null.</param>
public sealed record ServiceCard(
    string ServiceId,
    string Name,
    string? Hours,
    OpenNowState? OpenNow,
    IReadOnlyList<ServiceContact> Contacts,
    string? Note) : ReplyPart;

/// <param name="Label">"Open now" or "Closed now" in the reply's language.</param>
public sealed record OpenNowState(bool IsOpen, string Label);

public enum ContactKind
{
    /// <summary>A number to call (Target is tel:).</summary>
    Phone,
    /// <summary>A number to text (Target is sms:).</summary>
    TextLine,
    /// <summary>A chat page (Target is the URL).</summary>
    Chat,
    /// <summary>The service's web page (Target is the URL).</summary>
    Website,
}

/// <param name="Label">"Call", "Text", "Chat" or "Website" in the reply's language.</param>
/// <param name="Display">As published: "1-833-900-1010", "686868", or the URL.</param>
/// <param name="Target">What a tap opens: "tel:+18339001010", "sms:686868", or the URL.</param>
public sealed record ServiceContact(ContactKind Kind, string Label, string Display, string Target)
{
    /// <summary>Numbers are already written out with their label; a chat or web page is only a button on rich channels.</summary>
    public bool IsNumber => Kind is ContactKind.Phone or ContactKind.TextLine;
}

/// <summary>A run of text inside a <see cref="Paragraph"/>.</summary>
public abstract record Inline;

/// <summary>Plain text.</summary>
public sealed record TextRun(string Text) : Inline;

/// <summary>Text the content stresses ("Don't pay"); rich channels show it in bold.</summary>
public sealed record StrongRun(string Text) : Inline;

/// <summary>A link with its label; plain channels write the address out.</summary>
public sealed record LinkRun(string Label, string Url) : Inline;

/// <summary>
/// How to answer the choices on this channel ("Pick a button, or tell me in a few words" / "Reply with a number from
/// the list, ..."): channel wording, so the edge fills it in from content items. Written "{answer_hint}" in content.
/// </summary>
public sealed record AnswerHintRun : Inline
{
    public static AnswerHintRun Instance { get; } = new();
}

/// <param name="Id">The stable value the choice sends back (flow choice value, quiz answer number, region code).</param>
/// <param name="Label">The full label: web chat shows it whole on the button, SMS in the numbered list.</param>
/// <param name="ShortLabel">The flow's short label where a channel limits titles (WhatsApp: 20 characters), else the
/// full label; a renderer shortens it further only when it still does not fit.</param>
public sealed record ReplyChoice(string Id, string Label, string ShortLabel)
{
    public ReplyChoice(string id, string label) : this(id, label, label) { }
}
