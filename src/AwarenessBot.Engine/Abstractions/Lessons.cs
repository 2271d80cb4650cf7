using AwarenessBot.Catalog;

namespace AwarenessBot.Engine.Abstractions;

/// <summary>
/// What a lesson link may name, read from the flows (never typed in code): the modules marked <c>lesson: true</c>
/// (labels from the main menu), the age bands of the welcome's age question and the locales of its language question.
/// </summary>
public interface ILessonCatalog
{
    IReadOnlyList<LessonOption> Modules { get; }

    IReadOnlyList<LessonOption> AgeBands { get; }

    IReadOnlyList<LessonOption> Locales { get; }

    /// <summary>The lesson these three link values name (a band as <c>13-15</c> or <c>13_15</c>), or null if any is unknown.</summary>
    LessonStart? Resolve(string? moduleId, string? ageBand, string? locale);
}

/// <param name="Value">The stored value (flow id, <c>13-15</c>, <c>fr</c>).</param>
/// <param name="UrlValue">The same as it appears in a link (<c>13_15</c>, <c>19_plus</c>).</param>
/// <param name="Labels">Button label per locale, as the flows give it.</param>
public sealed record LessonOption(string Value, string UrlValue, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The label in this locale, else the fallback locale's (English), else the value.</summary>
    public string Label(string locale) =>
        Labels.TryGetValue(locale, out var label) || Labels.TryGetValue(BotCatalog.Default.FallbackLocale, out label) ? label : Value;
}

/// <summary>A class opens the chat in this module, for this age band, in this language: no question first.</summary>
public sealed record LessonStart(string Module, string AgeBand, string Locale)
{
    /// <summary>
    /// The teacher's lesson code, when the link carries one: quiz answers in this conversation are then counted under
    /// it (<see cref="TurnResult.ClassAnswers"/>). A random code for the class, never anything about a person.
    /// </summary>
    public string? ClassCode { get; init; }
}
