using System.Globalization;
using System.Text;
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
    /// <remarks>
    /// BotState saves a dictionary of properties (and reads give JObjects): those are written straight to the text,
    /// skipping the ETag entry, with no intermediate token tree (a JToken per property was ~10 KB per conversation
    /// write). Any other value (an IStoreItem, a plain object) goes through the tree, where its ETag is found under
    /// whatever name its contract gives it.
    /// </remarks>
    public static string ToStoredJson(object value)
    {
        using var text = new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
        {
            switch (value)
            {
                case IDictionary<string, object> dictionary:
                    WriteWithoutETag(writer, dictionary);
                    break;
                case JObject obj:
                    WriteWithoutETag(writer, obj);
                    break;
                default:
                    var token = JToken.FromObject(value, Serializer);
                    if (token is JObject tree)
                    {
                        RemoveETag(tree);
                    }

                    token.WriteTo(writer);
                    break;
            }
        }

        return text.ToString();
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

    private static void WriteWithoutETag(JsonWriter writer, IEnumerable<KeyValuePair<string, object>> properties)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            if (!IsETag(name))
            {
                writer.WritePropertyName(name);
                Serializer.Serialize(writer, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteWithoutETag(JsonWriter writer, JObject obj)
    {
        writer.WriteStartObject();
        foreach (var property in obj.Properties())
        {
            if (!IsETag(property.Name))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>IStoreItem implementations serialise their ETag as "ETag" or "eTag" depending on naming; either is dropped.</summary>
    private static bool IsETag(string name) => string.Equals(name, ETagProperty, StringComparison.OrdinalIgnoreCase);

    private static void RemoveETag(JObject obj)
    {
        var names = obj.Properties()
            .Where(p => IsETag(p.Name))
            .ToList();
        foreach (var property in names)
        {
            property.Remove();
        }
    }
}
