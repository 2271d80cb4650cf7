using AwarenessBot.Content.Repository;

namespace AwarenessBot.Content.Services;

/// <summary>
/// Orders matching services, most useful first:
/// 1. 911 when the need is danger_now;
/// 2. for a person who said they are an adult or a worker, child-protection intake last: it answers a concern about
///    a child, not their own need, and many intake lines are 24/7, so the night rule alone would put them first;
/// 3. at night (22:00–07:00 in the region's zone) 24/7 services, because offices are closed;
/// 4. Indigenous-led services (and services for Indigenous people) when the person asked for them;
/// 5. services of the person's region before national ones;
/// 6. services answering in the person's language (directly, then through interpreters);
/// 7. services for the person's audience (exact, then "all", then others);
/// 8. services open now; then by id, so that the order is stable.
/// </summary>
internal static class ServiceRanker
{
    public sealed record Context(string Need, string Region, string? Audience, string Locale, bool IndigenousFirst, bool Night, DateTimeOffset Now);

    /// <summary>The kind of child-protection intake entries (seeds/schema/service.schema.json).</summary>
    internal const string ChildProtectionKind = "child_protection";

    public static IEnumerable<ServiceEntry> Rank(IEnumerable<ServiceEntry> services, Context context) =>
        services
            .OrderBy(s => context.Need == RoutingFallbacks.DangerNow && s.Definition.Id == RoutingFallbacks.Emergency ? 0 : 1)
            .ThenBy(s => AsksForThemselvesAsAdult(context.Audience) && s.Definition.Kind == ChildProtectionKind ? 1 : 0)
            .ThenBy(s => context.Night && !s.Hours.Is24x7 ? 1 : 0)
            .ThenBy(s => context.IndigenousFirst && !IsForIndigenousPeople(s) ? 1 : 0)
            .ThenBy(s => s.Definition.Regions.Contains(context.Region) && context.Region != RegionTimeZones.National ? 0 : 1)
            .ThenBy(s => LanguageRank(s, context.Locale))
            .ThenBy(s => AudienceRank(s, context.Audience))
            .ThenBy(s => s.Hours.IsOpenAt(context.Now) ? 0 : 1)
            .ThenBy(s => s.Definition.Id, StringComparer.Ordinal);

    /// <summary>
    /// Adults and workers ask for help for themselves; young people (and educators, and people who did not say) may be
    /// asking about a child, where child-protection intake is the right first answer.
    /// </summary>
    private static bool AsksForThemselvesAsAdult(string? audience) => audience is "adult" or "worker";

    /// <summary>Indigenous-led services, and services built for Indigenous people (kind indigenous).</summary>
    private static bool IsForIndigenousPeople(ServiceEntry s) => s.Definition.IndigenousLed || s.Definition.Kind == "indigenous";

    private static int LanguageRank(ServiceEntry s, string locale) =>
        s.Definition.Languages.Contains(locale) ? 0 : s.Definition.Interpretation ? 1 : 2;

    private static int AudienceRank(ServiceEntry s, string? audience)
    {
        var served = s.Definition.Audience;
        if (audience is null || served.Contains(audience))
        {
            return 0;
        }

        var adultMatch = audience is "worker" or "educator" && served.Contains("adult");
        return served.Contains(AudienceFallback.All) || adultMatch ? 1 : 2;
    }
}
