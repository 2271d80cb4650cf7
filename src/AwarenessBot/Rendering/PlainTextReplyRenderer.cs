using System.Globalization;
using System.Text;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.Rendering;

/// <summary>
/// SMS, email and other text-only channels: plain text, a service's numbers and pages written out, choices as a
/// numbered list of their full labels with "Reply 1, 2 or 3" under it, and messages split within the channel's
/// length (between paragraphs or lines, so addresses and numbered choices stay whole).
/// </summary>
internal sealed class PlainTextReplyRenderer(ChannelCapabilities capabilities, ChannelWordingText wording) : IReplyRenderer
{
    public IReadOnlyList<OutgoingMessage> Render(IReadOnlyList<BotReply> replies)
    {
        var messages = new List<OutgoingMessage>(replies.Count);
        foreach (var reply in replies)
        {
            var text = new StringBuilder(ReplyText.Write(reply.Parts, markdown: false, wording.AnswerHint(reply.Locale, numbered: true)));
            foreach (var line in ReplyText.LinkLines(reply.Parts))
            {
                text.Append('\n').Append(line);
            }

            for (var i = 0; i < reply.Choices.Count; i++)
            {
                text.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(reply.Choices[i].Label);
            }

            if (reply.Choices.Count > 0)
            {
                text.Append("\n\n").Append(wording.ReplyPrompt(reply.Locale, reply.Choices.Count));
            }

            var parts = MessageSplitter.Split(text.ToString(), capabilities.MaxMessageLength);
            for (var i = 0; i < parts.Count; i++)
            {
                messages.Add(RenderedMessage.Create(parts[i], reply.Locale, reply.ResponseKey, markdown: false) with
                {
                    InputHint = i == parts.Count - 1 && reply.Choices.Count > 0 ? MessageInputHint.ExpectingInput : MessageInputHint.AcceptingInput,
                });
            }
        }

        return messages;
    }
}
