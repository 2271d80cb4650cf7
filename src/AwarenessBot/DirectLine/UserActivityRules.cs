using Microsoft.Bot.Schema;

namespace AwarenessBot.DirectLine;

/// <summary>What a client may post: messages (plain text, no attachments), events and typing. Messages never quote input.</summary>
internal static class UserActivityRules
{
    public static string? Problem(Activity? activity, int maxTextLength)
    {
        if (activity is null)
        {
            return "The body is not a valid activity (JSON object expected).";
        }

        if (string.IsNullOrEmpty(activity.Type))
        {
            return "The activity has no type.";
        }

        var type = activity.Type;
        if (!string.Equals(type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, ActivityTypes.Event, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, ActivityTypes.Typing, StringComparison.OrdinalIgnoreCase))
        {
            return "Only message, event and typing activities are accepted.";
        }

        if (activity.Text is { Length: var length } && length > maxTextLength)
        {
            return $"The message is longer than {maxTextLength} characters.";
        }

        if (activity.Locale is { } locale && !BotFramework.ConnectorActivityRules.IsLanguageTag(locale))
        {
            return "The locale is not a language tag.";
        }

        return activity.Attachments is { Count: > 0 } ? "Attachments are not accepted." : null;
    }
}
