namespace AwarenessBot.Catalog;

/// <summary>
/// The analytics events the code emits, by name; seeds/catalog.yaml lists them with the dimension keys each may carry
/// (<see cref="BotCatalog.AnalyticsDimensions"/>), and the catalog fails to load when one of these is missing there.
/// </summary>
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

    /// <summary>A question about the services shown was answered: facet (cost, language, …), need.</summary>
    public const string ServiceDetailsShown = "service_details_shown";

    /// <summary>A crisis path was raised: category.</summary>
    public const string CrisisRaised = "crisis_raised";

    /// <summary>The person switched language: locale.</summary>
    public const string LanguageSwitched = "language_switched";

    /// <summary>The person deleted their data (no dimensions).</summary>
    public const string DataDeleted = "data_deleted";

    public static IReadOnlyList<string> All { get; } =
        [SessionStarted, ModuleStarted, ModuleCompleted, QuizAnswered, ServicesShown, ServiceDetailsShown, CrisisRaised, LanguageSwitched, DataDeleted];
}
