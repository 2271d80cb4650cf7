using System.Globalization;
using System.Text;
using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Rendering;

/// <summary>
/// Turns the engine's replies into Activities for one channel: suggested actions where the channel has them,
/// hero-card buttons where it has only those, and a numbered list ("Reply 1, 2 or 3") in plain text elsewhere.
/// The engine numbers choices in the same order, so "2" means the same thing on every channel.
/// Channels show suggested actions only under the last message, so earlier replies of a turn (a service's Call and
/// Website buttons before the menu that follows) get card buttons instead, or a written list.
/// </summary>
internal static class ReplyRenderer
{
    public static IReadOnlyList<Activity> Render(IReadOnlyList<BotReply> replies, string channelId)
    {
        var capabilities = ChannelCapabilities.For(channelId);
        var activities = new List<Activity>(replies.Count);
        for (var i = 0; i < replies.Count; i++)
        {
            activities.AddRange(RenderOne(replies[i], capabilities, isLastReply: i == replies.Count - 1));
        }

        return activities;
    }

    private static IEnumerable<Activity> RenderOne(BotReply reply, ChannelCapabilities capabilities, bool isLastReply)
    {
        var text = capabilities.Markdown ? MarkdownLineBreaks.Harden(reply.Text) : MarkdownToPlain.Convert(reply.Text);
        var choices = reply.Choices;
        var useSuggested = isLastReply && choices.Count > 0 && choices.Count <= capabilities.MaxSuggestedActions;
        var useCard = !useSuggested && choices.Count > 0 && choices.Count <= capabilities.MaxCardButtons;
        if (choices.Count > 0 && !useSuggested && !useCard)
        {
            text += ChoiceText(choices, reply.Locale);
        }

        var parts = MessageSplitter.Split(text, capabilities.MaxMessageLength);
        for (var i = 0; i < parts.Count; i++)
        {
            var activity = MessageFactory.Text(parts[i]);
            activity.Locale = reply.Locale;
            activity.TextFormat = capabilities.Markdown ? TextFormatTypes.Markdown : TextFormatTypes.Plain;
            var isLast = i == parts.Count - 1;
            if (isLast && useSuggested)
            {
                activity.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => ToAction(c, capabilities, suggested: true))] };
            }
            else if (isLast && useCard)
            {
                activity.Attachments = [new HeroCard { Buttons = [.. choices.Select(c => ToAction(c, capabilities, suggested: false))] }.ToAttachment()];
            }

            // The response key lets tests and analytics name what was said without reading the text.
            activity.ChannelData = new JObject { ["responseKey"] = reply.ResponseKey };
            activity.InputHint = isLast && choices.Count > 0 ? InputHints.ExpectingInput : InputHints.AcceptingInput;
            yield return activity;
        }
    }

    private static CardAction ToAction(ReplyChoice choice, ChannelCapabilities capabilities, bool suggested)
    {
        var messageBack = capabilities.MessageBack && !(suggested && capabilities.SuggestedActionsImBackOnly);
        var title = choice.Label.Length <= ChannelCapabilities.MaxButtonTitleLength
            ? choice.Label
            : choice.Label[..(ChannelCapabilities.MaxButtonTitleLength - 1)] + "…";
        return choice.Kind switch
        {
            ChoiceKind.Call => new CardAction(ActionTypes.Call, title, value: choice.Value),
            ChoiceKind.Text => new CardAction(ActionTypes.OpenUrl, title, value: choice.Value),
            ChoiceKind.Link => new CardAction(ActionTypes.OpenUrl, title, value: choice.Value),
            _ when messageBack => new CardAction(ActionTypes.MessageBack, title, text: choice.Value, displayText: choice.Label, value: choice.Value),
            _ => new CardAction(ActionTypes.ImBack, title, value: choice.Label),
        };
    }

    /// <summary>Plain-text choices: selectable ones are numbered, contacts are written out in full.</summary>
    private static string ChoiceText(IReadOnlyList<ReplyChoice> choices, string locale)
    {
        var builder = new StringBuilder();
        var number = 0;
        foreach (var choice in choices)
        {
            if (choice.Kind == ChoiceKind.Reply)
            {
                number++;
                builder.Append('\n').Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(choice.Label);
            }
            else if (choice.Kind == ChoiceKind.Link)
            {
                // Phone numbers and text lines are already written in the message; links are not.
                builder.Append('\n').Append(choice.Label).Append(": ").Append(choice.Value);
            }
        }

        if (number > 0)
        {
            builder.Append("\n\n").Append(ReplyPrompt.For(locale, number));
        }

        return builder.ToString();
    }
}
