using System.Text.Json.Nodes;

namespace AwarenessBot.Turns;

/// <summary>
/// What a card button of type messageBack/postBack sends instead of text: its value, a string or an object whose
/// <c>value</c> (or <c>choice</c>) names the choice.
/// </summary>
internal static class ButtonValue
{
    public static string? Read(JsonNode? value) => value switch
    {
        JsonValue single => String(single),
        JsonObject data => String(data["value"]) ?? String(data["choice"]),
        _ => null,
    };

    private static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
