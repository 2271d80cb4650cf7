using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.DirectLine;

/// <summary>
/// What the page may tell the bot when it starts a conversation: its language (<c>"locale": "es-ES"</c>) and a lesson
/// link (<c>{"channelData":{"lesson":{"module","band","locale"[,"class"]}}}</c>, plain short ids and a well-formed lesson
/// code only; the bot checks them against
/// its flows and ignores what it does not know). They become the locale and channelData of the conversationUpdate
/// that greets; nothing is stored.
/// </summary>
internal static partial class ConversationStartContext
{
    public const string LessonKey = "lesson";
    public const string ClassKey = "class";
    private static readonly string[] LessonFields = ["module", "band", "locale"];

    /// <summary>The channelData and locale for the conversationUpdate (null when none); Error when either is malformed.</summary>
    public static (JObject? ChannelData, string? Locale, string? Error) Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, null);
        }

        JToken? lesson;
        JToken? locale;
        try
        {
            var root = JToken.Parse(body);
            lesson = root.SelectToken("channelData." + LessonKey);
            locale = root is JObject o ? o["locale"] : null;
        }
        catch (JsonException)
        {
            // The Direct Line start body ({"user":…}) was never required: an unreadable one starts a plain conversation.
            return (null, null, null);
        }

        string? language = null;
        if (locale is not null)
        {
            if (locale.Type != JTokenType.String || !BotFramework.ConnectorActivityRules.IsLanguageTag((string)locale!))
            {
                return (null, null, "The locale is not a language tag.");
            }

            language = (string)locale!;
        }

        if (lesson is null)
        {
            return (null, language, null);
        }

        if (lesson is not JObject fields || fields.Properties().Any(p => p.Value.Type != JTokenType.String || !IsLessonField(p.Name, (string)p.Value!)))
        {
            return (null, null, "The lesson must be {\"module\",\"band\",\"locale\"} (and optionally \"class\", a lesson code) with short plain values.");
        }

        return (new JObject { [LessonKey] = fields.DeepClone() }, language, null);
    }

    private static bool IsLessonField(string name, string value) => name == ClassKey
        ? Storage.ClassResults.ClassCode.Normalize(value) is not null
        : LessonFields.Contains(name, StringComparer.Ordinal) && PlainId().IsMatch(value);

    [GeneratedRegex("^[a-z0-9_+-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainId();
}
