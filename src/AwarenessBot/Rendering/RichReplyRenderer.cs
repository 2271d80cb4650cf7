using System.Globalization;
using System.Text;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.Rendering;

/// <summary>
/// Web Chat, Direct Line, the Emulator, Teams and other Bot Framework channels with buttons: Markdown where the
/// channel renders it, the full label on every button (Web Chat wraps long titles), suggested actions under the last
/// message, hero-card buttons where the channel has only those (and on earlier replies of a turn: channels show
/// suggested actions only under the last message), a numbered list when there are more choices than buttons.
/// A service card's contacts become Call / Text / Chat / Website buttons.
/// </summary>
internal sealed class RichReplyRenderer(ChannelCapabilities capabilities, ChannelWordingText wording) : IReplyRenderer
{
    public IReadOnlyList<OutgoingMessage> Render(IReadOnlyList<BotReply> replies)
    {
        var numbered = replies.LastOrDefault(r => r.Choices.Count > 0) is { } asking
            && !FitsButtons(ActionCount(asking), isLastReply: ReferenceEquals(asking, replies[^1]));
        var messages = new List<OutgoingMessage>(replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            RenderOne(messages, replies[i], isLastReply: i == replies.Count - 1, numbered);
        }

        return messages;
    }

    private bool FitsButtons(int count, bool isLastReply) =>
        (isLastReply && count <= capabilities.MaxSuggestedActions) || count <= capabilities.MaxCardButtons;

    private void RenderOne(List<OutgoingMessage> messages, BotReply reply, bool isLastReply, bool numbered)
    {
        var text = ReplyText.Write(reply.Parts, capabilities.Markdown, wording.AnswerHint(reply.Locale, numbered));
        var actions = ActionCount(reply);
        var useSuggested = isLastReply && actions > 0 && actions <= capabilities.MaxSuggestedActions;
        var useCard = !useSuggested && actions > 0 && actions <= capabilities.MaxCardButtons;
        if (actions > 0 && !useSuggested && !useCard)
        {
            text += ChoiceText(reply);
        }

        var parts = MessageSplitter.Split(text, capabilities.MaxMessageLength);
        for (var i = 0; i < parts.Count; i++)
        {
            var isLast = i == parts.Count - 1;
            messages.Add(RenderedMessage.Create(parts[i], reply.Locale, reply.ResponseKey, capabilities.Markdown) with
            {
                SuggestedActions = isLast && useSuggested ? Actions(reply, suggested: true) : [],
                CardButtons = isLast && useCard ? Actions(reply, suggested: false) : [],
                InputHint = isLast && reply.Choices.Count > 0 ? MessageInputHint.ExpectingInput : MessageInputHint.AcceptingInput,
            });
        }
    }

    /// <summary>How many buttons <see cref="Actions"/> makes for the reply (without making them).</summary>
    private static int ActionCount(BotReply reply)
    {
        var count = reply.Choices.Count;
        foreach (var part in reply.Parts)
        {
            if (part is ServiceCard card)
            {
                count += card.Contacts.Count;
            }
        }

        return count;
    }

    /// <summary>
    /// The reply's buttons, contacts first, as suggested actions or as card buttons. Made only for the message that
    /// shows them: every reply used to build a delegate per button first, whether it showed buttons or not.
    /// </summary>
    private List<MessageAction> Actions(BotReply reply, bool suggested)
    {
        var actions = new List<MessageAction>(ActionCount(reply));
        foreach (var part in reply.Parts)
        {
            if (part is not ServiceCard card)
            {
                continue;
            }

            foreach (var contact in card.Contacts)
            {
                var type = contact.Kind == ContactKind.Phone ? MessageActionType.Call : MessageActionType.OpenUrl;
                actions.Add(new MessageAction(type, contact.Label, contact.Target));
            }
        }

        foreach (var choice in reply.Choices)
        {
            actions.Add(Choice(choice, suggested));
        }

        return actions;
    }

    /// <summary>
    /// The full label as the title. messageBack sends the stable id and shows the label as the person's message;
    /// imBack (Teams' suggested actions, channels without messageBack) sends the label, which the engine recognises.
    /// </summary>
    private MessageAction Choice(ReplyChoice choice, bool suggested)
    {
        var messageBack = capabilities.MessageBack && !(suggested && capabilities.SuggestedActionsImBackOnly);
        return messageBack
            ? new MessageAction(MessageActionType.MessageBack, choice.Label, choice.Id) { Text = choice.Id, DisplayText = choice.Label }
            : new MessageAction(MessageActionType.ImBack, choice.Label, choice.Label);
    }

    /// <summary>More choices than buttons: chat and web pages written out, choices numbered, then "Reply with a number …".</summary>
    private string ChoiceText(BotReply reply)
    {
        var builder = new StringBuilder();
        foreach (var line in ReplyText.LinkLines(reply.Parts))
        {
            builder.Append('\n').Append(line);
        }

        for (var i = 0; i < reply.Choices.Count; i++)
        {
            builder.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(reply.Choices[i].Label);
        }

        if (reply.Choices.Count > 0)
        {
            builder.Append("\n\n").Append(wording.ReplyPrompt(reply.Locale, reply.Choices.Count));
        }

        return builder.ToString();
    }
}
