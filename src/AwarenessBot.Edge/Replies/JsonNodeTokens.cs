using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Edge.Replies;

/// <summary>System.Text.Json nodes (the host's channelData) as the Newtonsoft tokens an SDK <c>Activity</c> carries.</summary>
public static class JsonNodeTokens
{
    /// <summary>
    /// The same token tree <c>JToken.Parse(node.ToJsonString())</c> gives (strings, booleans and nulls as such, numbers
    /// as the parser reads their text), built by walking the nodes instead of writing and re-reading text: every
    /// message carries channelData (its response key), and a turn sends 3–6 messages.
    /// </summary>
    public static JToken ToJToken(JsonNode? node) => node switch
    {
        null => JValue.CreateNull(),
        JsonObject obj => ToJObject(obj),
        JsonArray array => ToJArray(array),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => new JValue(node.GetValue<string>()),
            JsonValueKind.True => new JValue(true),
            JsonValueKind.False => new JValue(false),
            JsonValueKind.Null => JValue.CreateNull(),
            _ => JToken.Parse(node.ToJsonString()),
        },
    };

    // Loops rather than the LINQ constructors: no iterator or delegate per object, and the same tokens in the same order.
    private static JObject ToJObject(JsonObject obj)
    {
        var result = new JObject();
        foreach (var property in obj)
        {
            result.Add(new JProperty(property.Key, ToJToken(property.Value)));
        }

        return result;
    }

    private static JArray ToJArray(JsonArray array)
    {
        var result = new JArray();
        foreach (var item in array)
        {
            result.Add(ToJToken(item));
        }

        return result;
    }
}
