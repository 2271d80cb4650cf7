using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.ClassResults;

namespace AwarenessBot.WebPage;

/// <summary>
/// The query of <c>/embed</c> and of the QR code: <c>lang</c> alone (a page language), or <c>module</c> and
/// <c>band</c> (and <c>lang</c>) for a lesson, and optionally <c>class</c>, a teacher's lesson code (its shape is checked
/// here, whether it is live by the caller). Every other value must be one the flows know (<see cref="ILessonCatalog"/>).
/// </summary>
internal sealed record LessonLink(LessonStart? Lesson, string? Locale, string? Error)
{
    /// <summary>The one message for a value that cannot be a lesson code (never quoting it back).</summary>
    public const string ClassCodeError = "class must be a lesson code: 8 letters and digits, as /educators gives it.";

    private const int MaxValueLength = 40;

    public static LessonLink Read(IQueryCollection query, ILessonCatalog lessons)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(lessons);
        var module = Single(query, "module");
        var band = Single(query, "band");
        var lang = Single(query, "lang");
        var classCode = Single(query, "class");
        if ((module.Error ?? band.Error ?? lang.Error ?? classCode.Error) is { } error)
        {
            return new LessonLink(null, null, error);
        }

        if (lang.Value is { } l && !lessons.Locales.Any(o => o.Value == l))
        {
            return new LessonLink(null, null, "lang is not a language of this bot.");
        }

        string? code = null;
        if (classCode.Value is not null && (code = ClassCode.Normalize(classCode.Value)) is null)
        {
            return new LessonLink(null, null, ClassCodeError);
        }

        if (module.Value is null && band.Value is null && code is null)
        {
            return new LessonLink(null, lang.Value, null);
        }

        if (module.Value is null || band.Value is null)
        {
            return new LessonLink(null, null, "A lesson link needs both module and band.");
        }

        var locale = lang.Value ?? (lessons.Locales.Count > 0 ? lessons.Locales[0].Value : null);
        return lessons.Resolve(module.Value, band.Value, locale) is { } lesson
            ? new LessonLink(lesson with { ClassCode = code }, lesson.Locale, null)
            : new LessonLink(null, null, "module or band is not one a lesson link can open (see /educators).");
    }

    private static (string? Value, string? Error) Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return (null, null);
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]) || values[0]!.Length > MaxValueLength)
        {
            return (null, $"{name} must be given once, as a short value.");
        }

        return (values[0], null);
    }
}
