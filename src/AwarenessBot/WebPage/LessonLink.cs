using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.WebPage;

/// <summary>
/// The query of <c>/embed</c> and of the QR code: <c>lang</c> alone (a page language), or <c>module</c> and
/// <c>band</c> (and <c>lang</c>) for a lesson. Every value must be one the flows know (<see cref="ILessonCatalog"/>).
/// </summary>
internal sealed record LessonLink(LessonStart? Lesson, string? Locale, string? Error)
{
    private const int MaxValueLength = 40;

    public static LessonLink Read(IQueryCollection query, ILessonCatalog lessons)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(lessons);
        var module = Single(query, "module");
        var band = Single(query, "band");
        var lang = Single(query, "lang");
        if ((module.Error ?? band.Error ?? lang.Error) is { } error)
        {
            return new LessonLink(null, null, error);
        }

        if (lang.Value is { } l && !lessons.Locales.Any(o => o.Value == l))
        {
            return new LessonLink(null, null, "lang is not a language of this bot.");
        }

        if (module.Value is null && band.Value is null)
        {
            return new LessonLink(null, lang.Value, null);
        }

        if (module.Value is null || band.Value is null)
        {
            return new LessonLink(null, null, "A lesson link needs both module and band.");
        }

        var locale = lang.Value ?? (lessons.Locales.Count > 0 ? lessons.Locales[0].Value : null);
        return lessons.Resolve(module.Value, band.Value, locale) is { } lesson
            ? new LessonLink(lesson, lesson.Locale, null)
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
