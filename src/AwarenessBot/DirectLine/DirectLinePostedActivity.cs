using System.Text.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.DirectLine;

/// <summary>
/// What a client posts, read with System.Text.Json as a JSON object and kept as posted (Web Chat matches its own
/// activity by <c>channelData.clientActivityID</c>, and properties the channel does not know must survive), with the
/// channel's own fields set; and the turn a message asks of the bot.
/// </summary>
internal static class DirectLinePostedActivity
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
        activity["from"] = DirectLineActivityJson.User(address.UserId);
        activity["recipient"] = DirectLineActivityJson.Bot(address);
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
}
