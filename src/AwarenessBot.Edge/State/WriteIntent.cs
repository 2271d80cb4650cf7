using AwarenessBot.Storage.State;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Edge.State;

/// <summary>One IStorage change as the state store's write, and the caller's object to hand the new ETag back to.</summary>
internal sealed record WriteIntent(StateWrite Write, object Value)
{
    public const string Wildcard = "*";

    /// <summary>
    /// IStoreItem: null ETag creates, "*" overwrites, anything else (including "") must match.
    /// A dictionary or JObject (what BotState saves and what our reads return) is treated the same way through its
    /// <c>eTag</c> entry, which our reads always put there: so a dictionary WITHOUT one was read when no row existed,
    /// and if a row exists now another turn created it first; overwriting it would lose that turn's update,
    /// hence a create. Anything else is last-writer-wins, as the SDK contract requires.
    /// </summary>
    public static WriteIntent From(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = BotStateJson.ToStoredJson(value);
        return value switch
        {
            IStoreItem item => Decide(key, json, item.ETag, value),
            IDictionary<string, object> dictionary => Decide(key, json, ETagOf(dictionary), value),
            JObject obj => Decide(key, json, ETagOf(obj), value),
            _ => new WriteIntent(StateWrite.Overwrite(key, json), value),
        };
    }

    /// <summary>Hands the new ETag back to the caller's object so a second save in the same turn still matches.</summary>
    public void ApplyNewETag(string etag)
    {
        switch (Value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case IDictionary<string, object> { IsReadOnly: false } dictionary:
                dictionary[BotStateJson.ETagProperty] = etag;
                break;
            case JObject obj:
                obj[BotStateJson.ETagProperty] = etag;
                break;
        }
    }

    private static WriteIntent Decide(string key, string json, string? etag, object value) => new(
        etag switch
        {
            null => StateWrite.Create(key, json),
            Wildcard => StateWrite.Overwrite(key, json),
            _ => StateWrite.Replace(key, json, etag),
        },
        value);

    private static string? ETagOf(IDictionary<string, object> dictionary)
        => dictionary.TryGetValue(BotStateJson.ETagProperty, out var raw) ? AsString(raw) : null;

    private static string? ETagOf(JObject obj) => AsString(obj[BotStateJson.ETagProperty]);

    private static string? AsString(object? raw) => raw switch
    {
        null => null,
        string s => s,
        JValue { Type: JTokenType.Null } => null,
        JValue v => v.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => raw.ToString(),
    };
}
