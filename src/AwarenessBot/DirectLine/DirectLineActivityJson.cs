using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.WebChannel;
using AwarenessBot.Turns;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Direct Line 3.0 activities as JSON, with System.Text.Json and no bot SDK: what a client posts is read as a JSON
/// object and kept as posted (Web Chat matches its own activity by <c>channelData.clientActivityID</c>, and unknown
/// properties must survive), with the channel's own fields set; the bot's messages are written from the host's
/// <see cref="OutgoingMessage"/> with the Activity protocol's names (text, textFormat, inputHint, suggestedActions,
/// hero-card attachments, channelData), as Web Chat reads them.
/// </summary>
internal static class DirectLineActivityJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 32 };

    /// <summary>The posted activity, or null when the JSON is malformed or is not an object.</summary>
    public static JsonObject? TryRead(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: ReadOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string property, or null when it is missing or not a string.</summary>
    public static string? String(JsonObject activity, string name) =>
        activity[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The channel's fields on a posted activity: who sent it, to whom, where; a client's deliveryMode is dropped.</summary>
    public static void Address(JsonObject activity, DirectLineAddress address)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(address);
        activity["from"] = User(address.UserId);
        activity["recipient"] = Bot(address);
        activity["conversation"] = new JsonObject { ["id"] = address.ConversationId };
        activity["channelId"] = DirectLineTurnProcessor.ChannelId;
        activity["serviceUrl"] = address.ServiceUrl;
        activity.Remove("deliveryMode");
    }

    /// <summary>
    /// The turn a kept message asks of the bot: its text (or a button's value), its locale, its log id. Null for
    /// anything but a message (an event is kept for the page but asks nothing of the bot).
    /// </summary>
    public static ChannelTurn? MessageTurn(JsonObject activity, DirectLineAddress address, string id)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(address);
        if (!string.Equals(String(activity, "type"), ActivityWireNames.Message, StringComparison.Ordinal))
        {
            return null;
        }

        var text = String(activity, "text");
        return new ChannelTurn(TurnKind.Message, DirectLineTurnProcessor.ChannelId, address.ConversationId, address.UserId, id)
        {
            Text = text,
            ChoiceValue = text is null ? ButtonValue.Read(activity["value"]) : null,
            Locale = String(activity, "locale"),
        };
    }

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
            activity["channelData"] = channelData.DeepClone();
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

    private static JsonObject Bot(DirectLineAddress address) => new() { ["id"] = address.BotId, ["name"] = address.BotName, ["role"] = "bot" };

    private static JsonObject User(string userId) => new() { ["id"] = userId, ["role"] = "user" };

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
