using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace AwarenessBot.BotFramework;

/// <summary>
/// A Bot Connector activity read from <c>/api/messages</c> as Bot Framework Schema defines it (Newtonsoft, its
/// attributes and extension data), before the checks and the adapter see it.
/// </summary>
internal static class ConnectorActivityJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MaxDepth = 32,
    };

    /// <summary>The activity, or null when the JSON is malformed or is not an object.</summary>
    public static Activity? TryDeserialize(string json)
    {
        try
        {
            return JsonConvert.DeserializeObject<Activity>(json, Settings);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
