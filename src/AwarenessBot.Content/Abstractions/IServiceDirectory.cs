namespace AwarenessBot.Content.Abstractions;

/// <summary>
/// The service directory: who can help, where, in which language. Routing rules: danger → 911 first; for an adult or a
/// worker, child-protection intake after the services for them; services of the region before national ones; matching
/// language and audience first; 24/7 first when it is night in the region's time zone; a region without a service for
/// the need falls back to national lines, never to nothing.
/// </summary>
public interface IServiceDirectory
{
    IReadOnlyList<ServiceView> Find(ServiceQuery query);

    /// <summary>A service by id (for "talk to a person" and crisis answers), or null. OpenNow is computed for <paramref name="now"/>.</summary>
    ServiceView? FindById(string serviceId, string locale, DateTimeOffset now);

    /// <summary>The needs that the directory knows (ids such as danger_now, trafficking, work_exploitation, online_exploitation, shelter, counselling, legal_immigration).</summary>
    IReadOnlyList<string> Needs { get; }
}

/// <param name="Need">A need id (see <see cref="IServiceDirectory.Needs"/>).</param>
/// <param name="Region">CA (national only), a province/territory code (ON, QC, BC, AB, SK, MB, NB, NS, PE, NL, YT, NT, NU), or null for national.</param>
/// <param name="Audience">youth, worker, educator, adult, or null.</param>
/// <param name="Locale">en, fr, es, tl: names and notes come back in it (English fallback); services speaking it rank higher.</param>
/// <param name="IndigenousFirst">The person asked for Indigenous-led services: bring them forward.</param>
/// <param name="Now">Used to rank 24/7 services first at night in the region's time zone.</param>
/// <param name="Limit">At most this many results.</param>
/// <param name="Adult">The person said they are 19 or older (or a worker): services only for under-18s are left out.</param>
public sealed record ServiceQuery(
    string Need,
    string? Region,
    string? Audience,
    string Locale,
    bool IndigenousFirst,
    DateTimeOffset Now,
    int Limit = 5,
    bool Adult = false)
{
    /// <summary>A young person under 18: services not for young people (adults, workers, educators only) are left out.</summary>
    public bool Under18 { get; init; }
}

/// <summary>
/// A service ready to show. Contacts are exactly as sourced; null when the service has none of that kind.
/// Phone and TextLine are dialable strings as published (e.g. "1-833-900-1010", "686868"); TextLine may carry the
/// keyword in Note (e.g. "Text CONNECT to 686868"). OpenNow: live answer at the query's time (always true for 24/7).
/// </summary>
public sealed record ServiceView(
    string Id,
    string Name,
    string Kind,
    IReadOnlyList<string> Regions,
    string? Phone,
    string? TextLine,
    string? Web,
    string? ChatUrl,
    string? Email,
    string HoursText,
    bool Is24x7,
    bool OpenNow,
    IReadOnlyList<string> Languages,
    string? Note)
{
    /// <summary>
    /// True only for a weekly schedule from a source: then "open now" / "closed now" means something. Unknown hours,
    /// online-only services and 24/7 lines never carry an open/closed label (unknown is not closed).
    /// </summary>
    public bool HasWeeklyHours { get; init; }

    /// <summary>The service helps only people under 18 (for_minors_only, or audience youth only): never for a person who said 19+.</summary>
    public bool ForMinorsOnly { get; init; }

    /// <summary>The source itself says the service is only for people under 18 (for_minors_only).</summary>
    public bool MinorsOnlyBySource { get; init; }

    /// <summary>What the sources say about cost (free, means_tested), else null.</summary>
    public string? Cost { get; init; }

    /// <summary>What the sources say about anonymity and confidentiality, in the locale, else null.</summary>
    public string? Confidentiality { get; init; }

    /// <summary>Interpreters make the service reachable in many more languages than <see cref="Languages"/>.</summary>
    public bool Interpretation { get; init; }

    /// <summary>Who the service is for (all, youth, adult, worker, educator).</summary>
    public IReadOnlyList<string> Audience { get; init; } = [];

    public bool IndigenousLed { get; init; }
}
