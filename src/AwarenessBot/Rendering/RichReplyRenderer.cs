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
            && !FitsButtons(Actions(asking).Count, isLastReply: ReferenceEquals(asking, replies[^1]));
        var messages = new List<OutgoingMessage>(replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            messages.AddRange(RenderOne(replies[i], isLastReply: i == replies.Count - 1, numbered));
        }

        return messages;
    }

    private bool FitsButtons(int count, bool isLastReply) =>
        (isLastReply && count <= capabilities.MaxSuggestedActions) || count <= capabilities.MaxCardButtons;

    private IEnumerable<OutgoingMessage> RenderOne(BotReply reply, bool isLastReply, bool numbered)
    {
        var text = ReplyText.Write(reply.Parts, capabilities.Markdown, wording.AnswerHint(reply.Locale, numbered));
        var actions = Actions(reply);
        var useSuggested = isLastReply && actions.Count > 0 && actions.Count <= capabilities.MaxSuggestedActions;
        var useCard = !useSuggested && actions.Count > 0 && actions.Count <= capabilities.MaxCardButtons;
        if (actions.Count > 0 && !useSuggested && !useCard)
        {
            text += ChoiceText(reply);
        }

        var parts = MessageSplitter.Split(text, capabilities.MaxMessageLength);
        for (var i = 0; i < parts.Count; i++)
        {
            var isLast = i == parts.Count - 1;
            yield return RenderedMessage.Create(parts[i], reply.Locale, reply.ResponseKey, capabilities.Markdown) with
            {
                SuggestedActions = isLast && useSuggested ? [.. actions.Select(a => a(true))] : [],
                CardButtons = isLast && useCard ? [.. actions.Select(a => a(false))] : [],
                InputHint = isLast && reply.Choices.Count > 0 ? MessageInputHint.ExpectingInput : MessageInputHint.AcceptingInput,
            };
        }
    }

    /// <summary>The reply's buttons, contacts first: each makes a suggested action (true) or a card button (false).</summary>
    private List<Func<bool, MessageAction>> Actions(BotReply reply)
    {
        var actions = new List<Func<bool, MessageAction>>();
        foreach (var contact in reply.Parts.OfType<ServiceCard>().SelectMany(card => card.Contacts))
        {
            var type = contact.Kind == ContactKind.Phone ? MessageActionType.Call : MessageActionType.OpenUrl;
            actions.Add(_ => new MessageAction(type, contact.Label, contact.Target));
        }

        foreach (var choice in reply.Choices)
        {
            actions.Add(suggested => Choice(choice, suggested));
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
