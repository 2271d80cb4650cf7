using AwarenessBot.Edge.Replies;
using AwarenessBot.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The one mapping of the host's <see cref="OutgoingMessage"/> to a Bot Framework <see cref="Activity"/>, for the
/// channels that reach the bot through the SDK (/api/messages, the chat command, the SDK's test adapter).
/// </summary>
internal static class OutgoingActivity
{
    public static Activity From(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == OutgoingKind.EndOfConversation)
        {
            var end = Activity.CreateEndOfConversationActivity();
            end.Code = EndOfConversationCodes.CompletedSuccessfully;
            return (Activity)end;
        }

        var activity = MessageFactory.Text(message.Text);
        activity.Locale = message.Locale;
        activity.TextFormat = message.TextFormat is { } format ? ActivityWireNames.Of(format) : null;
        activity.InputHint = message.InputHint is { } hint ? ActivityWireNames.Of(hint) : null;
        if (message.SuggestedActions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = [.. message.SuggestedActions.Select(Action)] };
        }

        if (message.CardButtons.Count > 0)
        {
            activity.Attachments = [new HeroCard { Buttons = [.. message.CardButtons.Select(Action)] }.ToAttachment()];
        }

        if (message.ChannelData is { } channelData)
        {
            activity.ChannelData = Token(channelData);
        }

        return activity;
    }

    /// <summary>
    /// The channelData as the Newtonsoft tree the SDK's Activity carries, built once from the typed fields (string
    /// values, in the order responseKey, whatsapp, triage): the same tokens and text as walking the System.Text.Json
    /// object it replaced (<c>ConnectorReplyJsonTests</c>).
    /// </summary>
    private static JObject Token(MessageChannelData channelData)
    {
        var token = new JObject();
        if (channelData.ResponseKey is { } key)
        {
            token.Add(new JProperty(MessageChannelData.ResponseKeyName, key));
        }

        if (channelData.WhatsApp is { } whatsApp)
        {
            token.Add(new JProperty(MessageChannelData.WhatsAppName, JsonNodeTokens.ToJToken(whatsApp)));
        }

        if (channelData.Triage is { } triage)
        {
            token.Add(new JProperty(MessageChannelData.TriageName, new JObject
            {
                new JProperty(MessageChannelData.CategoryName, triage.Category),
                new JProperty(MessageChannelData.SeverityName, triage.Severity),
                new JProperty(MessageChannelData.RuleName, triage.Rule),
            }));
        }

        return token;
    }

    private static CardAction Action(MessageAction action) =>
        new(ActivityWireNames.Of(action.Type), action.Title, text: action.Text, displayText: action.DisplayText, value: action.Value);
}
