using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.DirectLine;

/// <summary>
/// What the page may tell the bot when it starts a conversation: <c>{"channelData":{"lesson":{"module","band","locale"}}}</c>
/// (a lesson link). Plain short ids only; the bot checks them against its flows and ignores what it does not know.
/// It becomes the <c>channelData</c> of the conversationUpdate that greets, and nothing is stored.
/// </summary>
internal static partial class ConversationStartContext
{
    public const string LessonKey = "lesson";
    private static readonly string[] LessonFields = ["module", "band", "locale"];

    /// <summary>The channelData for the conversationUpdate (null when there is none); Error when the lesson is malformed.</summary>
    public static (JObject? ChannelData, string? Error) Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        JToken? lesson;
        try
        {
            lesson = JToken.Parse(body).SelectToken("channelData." + LessonKey);
        }
        catch (JsonException)
        {
            // The Direct Line start body ({"user":…}) was never required: an unreadable one starts a plain conversation.
            return (null, null);
        }

        if (lesson is null)
        {
            return (null, null);
        }

        if (lesson is not JObject fields || fields.Properties().Any(p => !LessonFields.Contains(p.Name, StringComparer.Ordinal)
            || p.Value.Type != JTokenType.String || !PlainId().IsMatch((string)p.Value!)))
        {
            return (null, "The lesson must be {\"module\",\"band\",\"locale\"} with short plain values.");
        }

        return (new JObject { [LessonKey] = fields.DeepClone() }, null);
    }

    [GeneratedRegex("^[a-z0-9_+-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainId();
}
