using System.Text;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Activities travel as Newtonsoft JSON, as Bot Framework Schema defines them (its attributes and extension data);
/// System.Text.Json would drop <c>channelData</c> objects and unknown properties.
/// </summary>
internal static class DirectLineJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MaxDepth = 32,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

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
}
