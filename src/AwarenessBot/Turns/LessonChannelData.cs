using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.ClassResults;

namespace AwarenessBot.Turns;

/// <summary>
/// <c>channelData.lesson</c> of a conversation start (the web page's lesson link, or a Bot Connector
/// conversationUpdate): three strings, which the engine checks against its flows, and an optional lesson code (kept
/// only when well-formed). Anything else is no lesson.
/// </summary>
internal static class LessonChannelData
{
    public const string Key = "lesson";

    public static LessonStart? Read(JsonNode? channelData) =>
        channelData is JsonObject data && data[Key] is JsonObject lesson
            && String(lesson, "module") is { } module && String(lesson, "band") is { } band && String(lesson, "locale") is { } locale
            ? new LessonStart(module, band, locale) { ClassCode = ClassCode.Normalize(String(lesson, "class")) }
            : null;

    private static string? String(JsonObject lesson, string name) =>
        lesson[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
