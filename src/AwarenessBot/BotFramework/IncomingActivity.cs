using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The one translation of an incoming Bot Framework <see cref="Activity"/> into the host's <see cref="ChannelTurn"/>:
/// a member other than the bot joining starts the conversation (with the lesson of <c>channelData.lesson</c>), a
/// message carries its text or the value of the button pressed. Anything else (typing, the bot joining, …) is no turn.
/// </summary>
internal static class IncomingActivity
{
    public static ChannelTurn? ToTurn(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            var someoneJoined = activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
            return someoneJoined
                ? Turn(activity, TurnKind.ConversationStart) with { Lesson = LessonChannelData.Read(Json(activity.ChannelData)) }
                : null;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        return Turn(activity, TurnKind.Message) with
        {
            Text = activity.Text,
            ChoiceValue = activity.Text is null ? ButtonValue.Read(Json(activity.Value)) : null,
        };
    }

    private static ChannelTurn Turn(Activity activity, TurnKind kind) =>
        new(kind, activity.ChannelId, activity.Conversation?.Id!, activity.From?.Id!, activity.Id) { Locale = activity.Locale };

    /// <summary>The SDK keeps channelData and value as Newtonsoft JSON (or a string); the host reads them with System.Text.Json.</summary>
    private static JsonNode? Json(object? value) => value switch
    {
        string text => JsonValue.Create(text),
        JObject data => JsonNode.Parse(data.ToString(Newtonsoft.Json.Formatting.None)),
        _ => null,
    };
}
