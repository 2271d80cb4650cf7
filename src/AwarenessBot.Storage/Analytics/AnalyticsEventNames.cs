namespace AwarenessBot.Storage.Analytics;

/// <summary>The event names analytics accept, and the dimension keys each may carry (everything else is dropped).</summary>
public static class AnalyticsEventNames
{
    /// <summary>A session began: channel, locale, audience, age_band, region.</summary>
    public const string SessionStarted = "session_started";

    /// <summary>A module began: module.</summary>
    public const string ModuleStarted = "module_started";

    /// <summary>A module was finished: module.</summary>
    public const string ModuleCompleted = "module_completed";

    /// <summary>A quiz question was answered: module, correct (true|false).</summary>
    public const string QuizAnswered = "quiz_answered";

    /// <summary>A service was shown: need, region, service_id.</summary>
    public const string ServicesShown = "services_shown";

    /// <summary>A crisis path was raised: category.</summary>
    public const string CrisisRaised = "crisis_raised";

    /// <summary>The person switched language: locale.</summary>
    public const string LanguageSwitched = "language_switched";

    /// <summary>The person deleted their data (no dimensions).</summary>
    public const string DataDeleted = "data_deleted";

    /// <summary>Allowed dimension keys per event name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> AllowedDimensions { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            [SessionStarted] = Set("channel", "locale", "audience", "age_band", "region"),
            [ModuleStarted] = Set("module"),
            [ModuleCompleted] = Set("module"),
            [QuizAnswered] = Set("module", "correct"),
            [ServicesShown] = Set("need", "region", "service_id"),
            [CrisisRaised] = Set("category"),
            [LanguageSwitched] = Set("locale"),
            [DataDeleted] = Set(),
        };

    private static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}
