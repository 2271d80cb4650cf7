using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Storage.State;

/// <summary>How one value must be written, decided from the ETag it carries.</summary>
internal enum WriteMode
{
    /// <summary>Overwrite whatever is there: plain objects (SDK contract) and ETag <c>"*"</c>.</summary>
    Overwrite,

    /// <summary>Insert; if a live row exists meanwhile, conflict (the writer read "nothing there").</summary>
    Create,

    /// <summary>Update only if the stored ETag equals <see cref="WriteIntent.ExpectedETag"/>.</summary>
    Match,
}

internal sealed record WriteIntent(string Key, StateKind Kind, string Json, WriteMode Mode, string? ExpectedETag, object Value)
{
    public const string Wildcard = "*";

    /// <summary>
    /// IStoreItem: null ETag creates, "*" overwrites, anything else (including "") must match.
    /// A dictionary or JObject (what BotState saves and what our reads return) is treated the same way through its
    /// <c>eTag</c> entry, which our reads always put there: so a dictionary WITHOUT one was read when no row existed,
    /// and if a row exists now another turn created it first; overwriting it would lose that turn's update,
    /// hence <see cref="WriteMode.Create"/>. Anything else is last-writer-wins, as the SDK contract requires.
    /// </summary>
    public static WriteIntent From(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = StateJson.ToStoredJson(value);
        var kind = StateKinds.FromKey(key);
        return value switch
        {
            IStoreItem item => Decide(key, kind, json, item.ETag, value),
            IDictionary<string, object> dictionary => Decide(key, kind, json, ETagOf(dictionary), value),
            JObject obj => Decide(key, kind, json, ETagOf(obj), value),
            _ => new WriteIntent(key, kind, json, WriteMode.Overwrite, null, value),
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
                dictionary[StateJson.ETagProperty] = etag;
                break;
            case JObject obj:
                obj[StateJson.ETagProperty] = etag;
                break;
        }
    }

    private static WriteIntent Decide(string key, StateKind kind, string json, string? etag, object value) => etag switch
    {
        null => new WriteIntent(key, kind, json, WriteMode.Create, null, value),
        Wildcard => new WriteIntent(key, kind, json, WriteMode.Overwrite, null, value),
        _ => new WriteIntent(key, kind, json, WriteMode.Match, etag, value),
    };

    private static string? ETagOf(IDictionary<string, object> dictionary)
        => dictionary.TryGetValue(StateJson.ETagProperty, out var raw) ? AsString(raw) : null;

    private static string? ETagOf(JObject obj) => AsString(obj[StateJson.ETagProperty]);

    private static string? AsString(object? raw) => raw switch
    {
        null => null,
        string s => s,
        JValue { Type: JTokenType.Null } => null,
        JValue v => v.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => raw.ToString(),
    };
}
