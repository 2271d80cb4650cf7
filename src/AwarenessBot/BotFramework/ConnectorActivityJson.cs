using AwarenessBot.Edge.Json;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace AwarenessBot.BotFramework;

/// <summary>
/// A Bot Connector activity read from <c>/api/messages</c> as Bot Framework Schema defines it (Newtonsoft, its
/// attributes and extension data). It is read once: the endpoint's checks and the adapter see the same object.
/// </summary>
internal static class ConnectorActivityJson
{
    /// <summary>
    /// The settings CloudAdapter reads a request body with (<see cref="HttpHelper.BotMessageSerializerSettings"/>), so
    /// the adapter receives what it would have parsed itself, plus a depth limit: the SDK reads without one. One
    /// serializer for the process: <c>JsonConvert.DeserializeObject</c> builds a new one on every call.
    /// </summary>
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(
        new JsonSerializerSettings(HttpHelper.BotMessageSerializerSettings)
        {
            MaxDepth = 32,
            // As JsonConvert did here before: one body, one activity, nothing after it.
            CheckAdditionalContent = true,
        });

    /// <summary>The activity, or null when the JSON is malformed or is not an object.</summary>
    public static Activity? TryDeserialize(string json)
    {
        try
        {
            // The reader's character buffers come from the shared pool: without one, every request allocated a
            // 1 KB buffer and then each doubling of it for the body (≈ 2.8 % of the bytes the host allocated a turn).
            using var reader = new JsonTextReader(new StringReader(json)) { ArrayPool = SharedCharArrayPool.Instance };
            return Serializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
