using System.Globalization;
using System.Text;
using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

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
    public IReadOnlyList<Activity> Render(IReadOnlyList<BotReply> replies)
    {
        var numbered = replies.LastOrDefault(r => r.Choices.Count > 0) is { } asking
            && !FitsButtons(Actions(asking).Count, isLastReply: ReferenceEquals(asking, replies[^1]));
        var activities = new List<Activity>(replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            activities.AddRange(RenderOne(replies[i], isLastReply: i == replies.Count - 1, numbered));
        }

        return activities;
    }

    private bool FitsButtons(int count, bool isLastReply) =>
        (isLastReply && count <= capabilities.MaxSuggestedActions) || count <= capabilities.MaxCardButtons;

    private IEnumerable<Activity> RenderOne(BotReply reply, bool isLastReply, bool numbered)
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
            var activity = RenderedActivity.Message(parts[i], reply.Locale, reply.ResponseKey, capabilities.Markdown);
            var isLast = i == parts.Count - 1;
            if (isLast && useSuggested)
            {
                activity.SuggestedActions = new SuggestedActions { Actions = [.. actions.Select(a => a(true))] };
            }
            else if (isLast && useCard)
            {
                activity.Attachments = [new HeroCard { Buttons = [.. actions.Select(a => a(false))] }.ToAttachment()];
            }

            activity.InputHint = isLast && reply.Choices.Count > 0 ? InputHints.ExpectingInput : InputHints.AcceptingInput;
            yield return activity;
        }
    }

    /// <summary>The reply's buttons, contacts first: each makes a suggested action (true) or a card button (false).</summary>
    private List<Func<bool, CardAction>> Actions(BotReply reply)
    {
        var actions = new List<Func<bool, CardAction>>();
        foreach (var contact in reply.Parts.OfType<ServiceCard>().SelectMany(card => card.Contacts))
        {
            var type = contact.Kind == ContactKind.Phone ? ActionTypes.Call : ActionTypes.OpenUrl;
            actions.Add(_ => new CardAction(type, contact.Label, value: contact.Target));
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
    private CardAction Choice(ReplyChoice choice, bool suggested)
    {
        var messageBack = capabilities.MessageBack && !(suggested && capabilities.SuggestedActionsImBackOnly);
        return messageBack
            ? new CardAction(ActionTypes.MessageBack, choice.Label, text: choice.Id, displayText: choice.Label, value: choice.Id)
            : new CardAction(ActionTypes.ImBack, choice.Label, value: choice.Label);
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
