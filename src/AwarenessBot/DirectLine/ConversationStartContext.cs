using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.DirectLine;

/// <summary>
/// What the page may tell the bot when it starts a conversation: its language (<c>"locale": "es-ES"</c>) and a lesson
/// link (<c>{"channelData":{"lesson":{"module","band","locale"[,"class"]}}}</c>, plain short ids and a well-formed lesson
/// code only; the bot checks them against its flows and ignores what it does not know). They become the locale and
/// the lesson of the turn that greets; nothing is stored.
/// </summary>
internal static partial class ConversationStartContext
{
    public const string ClassKey = "class";
    private static readonly string[] LessonFields = ["module", "band", "locale"];

    /// <summary>The lesson and locale for the greeting turn (null when none); Error when either is malformed.</summary>
    public static (LessonStart? Lesson, string? Locale, string? Error) Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, null);
        }

        JsonNode? channelData = null;
        JsonNode? lesson = null;
        JsonNode? locale = null;
        bool hasLesson = false, hasLocale = false;
        try
        {
            // A property present with a JSON null is malformed, not absent: hence TryGetPropertyValue.
            if (JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) is JsonObject root)
            {
                hasLocale = root.TryGetPropertyValue("locale", out locale);
                channelData = root["channelData"];
                hasLesson = channelData is JsonObject data && data.TryGetPropertyValue(LessonChannelData.Key, out lesson);
            }
        }
        catch (JsonException)
        {
            // The Direct Line start body ({"user":…}) was never required: an unreadable one starts a plain conversation.
            return (null, null, null);
        }

        string? language = null;
        if (hasLocale)
        {
            if (locale is not JsonValue value || !value.TryGetValue<string>(out var tag) || !LanguageTag.IsValid(tag))
            {
                return (null, null, "The locale is not a language tag.");
            }

            language = tag;
        }

        if (!hasLesson)
        {
            return (null, language, null);
        }

        if (lesson is not JsonObject fields || fields.Any(p => p.Value is not JsonValue v || !v.TryGetValue<string>(out var s) || !IsLessonField(p.Key, s)))
        {
            return (null, null, "The lesson must be {\"module\",\"band\",\"locale\"} (and optionally \"class\", a lesson code) with short plain values.");
        }

        return (LessonChannelData.Read(channelData), language, null);
    }

    private static bool IsLessonField(string name, string value) => name == ClassKey
        ? Storage.ClassResults.ClassCode.Normalize(value) is not null
        : LessonFields.Contains(name, StringComparer.Ordinal) && PlainId().IsMatch(value);

    [GeneratedRegex("^[a-z0-9_+-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainId();
}
