using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Edge.State;

/// <summary>
/// How Bot Framework state is turned into stored JSON and back. Newtonsoft because BotState itself converts what a
/// store returns with it (a <see cref="JObject"/> becomes its dictionary, property accessors call ToObject&lt;T&gt;).
/// No type names are written (the SDK's MemoryStorage writes them, which makes .NET type names part of the stored
/// data).
/// </summary>
internal static class BotStateJson
{
    /// <summary>The property BotState-style dictionaries and IStoreItems carry the ETag in.</summary>
    public const string ETagProperty = "eTag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = 64,
    });

    private static readonly JsonLoadSettings LoadSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    /// <summary>Serialises a value for storage, without its ETag (the ETag lives in its own column).</summary>
    public static string ToStoredJson(object value)
    {
        var token = JToken.FromObject(value, Serializer);
        if (token is JObject obj)
        {
            RemoveETag(obj);
        }

        return token.ToString(Formatting.None);
    }

    /// <summary>Reads stored JSON back as a JObject carrying the row's ETag under <c>eTag</c>.</summary>
    public static JObject FromStoredJson(string json, string etag)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            // Keep strings as written: date-looking strings must not come back reformatted.
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 64,
        };
        var obj = JObject.Load(reader, LoadSettings);
        obj[ETagProperty] = etag;
        return obj;
    }

    private static void RemoveETag(JObject obj)
    {
        // IStoreItem implementations serialise their ETag as "ETag" or "eTag" depending on naming; drop either.
        var names = obj.Properties()
            .Where(p => string.Equals(p.Name, ETagProperty, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var property in names)
        {
            property.Remove();
        }
    }
}
