using System.Text;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Rendering;

/// <summary>
/// Writes a reply's parts as text: Markdown for channels that render it (bold, links, hard line breaks) or plain text
/// (a link's address written out, a number as published). The answer hint comes in from the renderer, which knows
/// whether its choices are buttons or a numbered list.
/// </summary>
internal static class ReplyText
{
    public static string Write(IReadOnlyList<ReplyPart> parts, bool markdown, string answerHint)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0) text.Append("\n\n");
            switch (part)
            {
                case Paragraph paragraph:
                    WriteParagraph(text, paragraph, markdown, answerHint);
                    break;
                case ServiceCard card:
                    WriteCard(text, card, markdown);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Chat and web pages of a card, "Chat: https://…", for channels that cannot show them as buttons.</summary>
    public static IEnumerable<string> LinkLines(IReadOnlyList<ReplyPart> parts) =>
        parts.OfType<ServiceCard>().SelectMany(card => card.Contacts).Where(contact => !contact.IsNumber)
            .Select(contact => contact.Label + ": " + contact.Target);

    private static void WriteParagraph(StringBuilder text, Paragraph paragraph, bool markdown, string answerHint)
    {
        foreach (var run in paragraph.Inlines)
        {
            switch (run)
            {
                case TextRun plain:
                    text.Append(plain.Text);
                    break;
                case StrongRun strong when markdown:
                    text.Append("**").Append(strong.Text).Append("**");
                    break;
                case StrongRun strong:
                    text.Append(strong.Text);
                    break;
                case LinkRun link when markdown:
                    text.Append('[').Append(link.Label).Append("](").Append(link.Url).Append(')');
                    break;
                case LinkRun link:
                    text.Append(link.Label == link.Url ? link.Url : $"{link.Label} ({link.Url})");
                    break;
                case AnswerHintRun:
                    text.Append(answerHint);
                    break;
            }
        }
    }

    /// <summary>
    /// "Name — hours (Open now)", then one line per number ("Call: 1-800-…", a tel:/sms: link where Markdown is
    /// rendered, so the number stays whole and tappable) and the note. Markdown joins single line breaks, so its lines
    /// end in a hard break.
    /// </summary>
    private static void WriteCard(StringBuilder text, ServiceCard card, bool markdown)
    {
        var lineBreak = markdown ? "  \n" : "\n";
        text.Append(markdown ? $"**{card.Name}**" : card.Name);
        if (card.Hours is { } hours) text.Append(" — ").Append(hours);
        if (card.OpenNow is { } openNow) text.Append(" (").Append(openNow.Label).Append(')');
        foreach (var contact in card.Contacts.Where(c => c.IsNumber))
        {
            text.Append(lineBreak).Append(contact.Label).Append(": ");
            text.Append(markdown ? $"[{contact.Display}]({contact.Target})" : contact.Display);
        }

        if (card.Note is { } note) text.Append(lineBreak).Append(note);
    }
}
