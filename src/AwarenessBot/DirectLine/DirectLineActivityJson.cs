using System.Text;
using System.Text.Json.Nodes;
using AwarenessBot.Storage.WebChannel;
using AwarenessBot.Turns;

namespace AwarenessBot.DirectLine;

/// <summary>
/// The bot's messages as Direct Line 3.0 activities, written with System.Text.Json from the host's
/// <see cref="OutgoingMessage"/> with the Activity protocol's names (text, textFormat, inputHint, suggestedActions,
/// hero-card attachments, channelData), as Web Chat reads them; and the activity sets the log is read back as. What a
/// client posts is <see cref="DirectLinePostedActivity"/>.
/// </summary>
internal static class DirectLineActivityJson
{
    /// <summary>
    /// The bot's message as the activity the conversation's log keeps; its id and timestamp are the log's. It replies
    /// to the message that asked (<c>replyToId</c>, which Web Chat pairs it with), and to nothing when it greets: as
    /// the SDK did, a webchat conversationUpdate is not a message to reply to.
    /// </summary>
    public static JsonObject Reply(OutgoingMessage message, DirectLineAddress address, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(address);
        var activity = new JsonObject
        {
            ["type"] = ActivityWireNames.Of(message.Kind),
            ["serviceUrl"] = address.ServiceUrl,
            ["channelId"] = DirectLineTurnProcessor.ChannelId,
            ["from"] = Bot(address),
            ["conversation"] = new JsonObject { ["id"] = address.ConversationId },
            ["recipient"] = User(address.UserId),
        };
        if (message.Kind == OutgoingKind.EndOfConversation)
        {
            Add(activity, "replyToId", replyToId);
            activity["code"] = ActivityWireNames.CompletedSuccessfully;
            return activity;
        }

        Add(activity, "textFormat", message.TextFormat is { } format ? ActivityWireNames.Of(format) : null);
        Add(activity, "locale", message.Locale);
        Add(activity, "text", message.Text);
        Add(activity, "inputHint", message.InputHint is { } hint ? ActivityWireNames.Of(hint) : null);
        if (message.SuggestedActions.Count > 0)
        {
            activity["suggestedActions"] = new JsonObject { ["actions"] = Actions(message.SuggestedActions) };
        }

        activity["attachments"] = message.CardButtons.Count > 0
            ? new JsonArray(new JsonObject
            {
                ["contentType"] = ActivityWireNames.HeroCardContentType,
                ["content"] = new JsonObject { ["buttons"] = Actions(message.CardButtons) },
            })
            : new JsonArray();
        activity["entities"] = new JsonArray();
        if (message.ChannelData is { } channelData)
        {
            activity["channelData"] = channelData.ToJsonObject();
        }

        Add(activity, "replyToId", replyToId);
        return activity;
    }

    /// <summary>The log's id (<c>{conversation}|{sequence}</c>) and timestamp, stamped as the activity is stored.</summary>
    public static string Stamp(JsonObject activity, string conversationId, long sequence, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity["id"] = FormattableString.Invariant($"{conversationId}|{sequence:D7}");
        activity["timestamp"] = timestamp;
        return activity.ToJsonString();
    }

    /// <summary><c>{"activities":[...],"watermark":"N"}</c> from already-serialised activities (no re-serialisation).</summary>
    public static string ActivitySet(IReadOnlyList<WebChannelActivity> activities, long watermark)
    {
        var builder = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < activities.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append(activities[i].Json);
        }

        return builder.Append("],\"watermark\":\"").Append(watermark).Append("\"}").ToString();
    }

    private static JsonArray Actions(IReadOnlyList<MessageAction> actions)
    {
        var array = new JsonArray();
        foreach (var action in actions)
        {
            var json = new JsonObject { ["type"] = ActivityWireNames.Of(action.Type), ["title"] = action.Title };
            Add(json, "text", action.Text);
            Add(json, "displayText", action.DisplayText);
            json["value"] = action.Value;
            array.Add(json);
        }

        return array;
    }

    /// <summary>The bot's account, as every activity of the conversation names it.</summary>
    public static JsonObject Bot(DirectLineAddress address) => new() { ["id"] = address.BotId, ["name"] = address.BotName, ["role"] = "bot" };

    /// <summary>The person's account (its id only: the channel never learns a name).</summary>
    public static JsonObject User(string userId) => new() { ["id"] = userId, ["role"] = "user" };

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
