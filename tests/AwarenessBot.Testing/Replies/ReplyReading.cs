using System.Text;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Testing.Replies;

/// <summary>
/// What a reply says, read from its parts without any channel's rendering, for assertions on content ("names 911",
/// "(Open now)"): paragraphs as their words, a service card as "Name — hours (Open now)", its numbers and its note.
/// </summary>
public static class ReplyReading
{
    public static string Words(this BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        foreach (var part in reply.Parts)
        {
            if (text.Length > 0) text.Append('\n');
            switch (part)
            {
                case Paragraph paragraph:
                    foreach (var run in paragraph.Inlines)
                        text.Append(run switch { TextRun t => t.Text, StrongRun s => s.Text, LinkRun l => l.Label, _ => "" });
                    break;
                case ServiceCard card:
                    text.Append(card.Name);
                    if (card.Hours is { } hours) text.Append(" — ").Append(hours);
                    if (card.OpenNow is { } open) text.Append(" (").Append(open.Label).Append(')');
                    foreach (var contact in card.Contacts.Where(c => c.IsNumber)) text.Append('\n').Append(contact.Label).Append(": ").Append(contact.Display);
                    if (card.Note is { } note) text.Append('\n').Append(note);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The service card of a "service:&lt;id&gt;" reply.</summary>
    public static ServiceCard Card(this BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Parts.OfType<ServiceCard>().Single();
    }
}
