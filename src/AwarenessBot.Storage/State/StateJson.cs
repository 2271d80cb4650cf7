using System.Text.Json;

namespace AwarenessBot.Storage.State;

/// <summary>
/// Typed state to and from stored JSON with System.Text.Json, for callers that own their state types. No type names
/// are ever written (persisted data must not depend on .NET type names), and depth is bounded like the stores' reads.
/// </summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 64,
        AllowDuplicateProperties = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(StateDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Deserialize<T>(document.Json, Options);
    }
}
