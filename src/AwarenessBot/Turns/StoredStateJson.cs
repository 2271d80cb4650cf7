using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwarenessBot.Turns;

/// <summary>
/// Conversation and user state in the JSON shape Bot Framework's BotState wrote it (through the edge's IStorage
/// adapter, Newtonsoft, no type names): one object per row, a property per state ("dialog", "processed", "profile"),
/// each with its C# property names as written. Kept so that a row is the same whichever path wrote it: rows written
/// before the turn runner existed read back unchanged, and nothing needs migrating.
/// </summary>
internal static class StoredStateJson
{
    /// <summary>Conversation row: the dialog position (<see cref="Engine.Abstractions.DialogSessionState"/>).</summary>
    public const string Dialog = "dialog";

    /// <summary>Conversation row: the activity ids already run (<see cref="ProcessedActivitiesState"/>).</summary>
    public const string Processed = "processed";

    /// <summary>User row: locale, age band, region, audience (<see cref="Engine.Abstractions.UserProfileState"/>).</summary>
    public const string Profile = "profile";

    /// <summary>C# names as Newtonsoft wrote them, read case-insensitively as Newtonsoft read them.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        MaxDepth = 64,
    };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>The stored row as an object (other properties a row may carry are kept and written back).</summary>
    public static JsonObject ReadRow(string json) =>
        JsonNode.Parse(json, NodeOptions, DocumentOptions) as JsonObject ?? throw new JsonException("A state row is not a JSON object.");

    /// <summary>The state under <paramref name="property"/>, or a new one when the row has none.</summary>
    public static T Get<T>(JsonObject row, string property)
        where T : new() =>
        row[property] is { } node ? node.Deserialize<T>(Options) ?? new T() : new T();

    public static void Set<T>(JsonObject row, string property, T value) =>
        row[property] = JsonSerializer.SerializeToNode(value, Options);
}
