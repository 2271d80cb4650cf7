using System.Text.Json.Nodes;
using AwarenessBot.Turns;

namespace AwarenessBot.DirectLine;

/// <summary>What a client may post: messages (plain text, no attachments), events and typing. Messages never quote input.</summary>
internal static class UserActivityRules
{
    public const string Typing = "typing";
    public const string Event = "event";

    public static string? Problem(JsonObject? activity, int maxTextLength)
    {
        if (activity is null)
        {
            return "The body is not a valid activity (JSON object expected).";
        }

        if (activity["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type) || type.Length == 0)
        {
            return "The activity has no type.";
        }

        if (!string.Equals(type, ActivityWireNames.Message, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, Event, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, Typing, StringComparison.OrdinalIgnoreCase))
        {
            return "Only message, event and typing activities are accepted.";
        }

        if (!IsStringOrAbsent(activity, "text") || !IsStringOrAbsent(activity, "locale"))
        {
            return "The body is not a valid activity (text and locale must be strings).";
        }

        if (DirectLinePostedActivity.String(activity, "text") is { Length: var length } && length > maxTextLength)
        {
            return $"The message is longer than {maxTextLength} characters.";
        }

        if (DirectLinePostedActivity.String(activity, "locale") is { } locale && !LanguageTag.IsValid(locale))
        {
            return "The locale is not a language tag.";
        }

        return activity["attachments"] switch
        {
            null => null,
            JsonArray { Count: 0 } => null,
            JsonArray => "Attachments are not accepted.",
            _ => "The body is not a valid activity (attachments must be a list).",
        };
    }

    /// <summary>Typing indicators are acknowledged but neither kept nor sent to the bot.</summary>
    public static bool IsTyping(JsonObject activity) =>
        string.Equals(DirectLinePostedActivity.String(activity, "type"), Typing, StringComparison.OrdinalIgnoreCase);

    private static bool IsStringOrAbsent(JsonObject activity, string name) =>
        activity[name] is null || (activity[name] is JsonValue value && value.TryGetValue<string>(out _));
}
