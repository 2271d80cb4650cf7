using AwarenessBot.Content.Repository;

namespace AwarenessBot.Content.Services;

/// <summary>
/// Orders matching services, most useful first:
/// 1. 911 when the need is danger_now;
/// 2. at night (22:00–07:00 in the region's zone) 24/7 services, because offices are closed;
/// 3. Indigenous-led services (and services for Indigenous people) when the person asked for them;
/// 4. services of the person's region before national ones;
/// 5. services answering in the person's language (directly, then through interpreters);
/// 6. services for the person's audience (exact, then "all", then others);
/// 7. services open now; then by id, so that the order is stable.
/// </summary>
internal static class ServiceRanker
{
    public sealed record Context(string Need, string Region, string? Audience, string Locale, bool IndigenousFirst, bool Night, DateTimeOffset Now);

    public static IEnumerable<ServiceEntry> Rank(IEnumerable<ServiceEntry> services, Context context) =>
        services
            .OrderBy(s => context.Need == RoutingFallbacks.DangerNow && s.Definition.Id == RoutingFallbacks.Emergency ? 0 : 1)
            .ThenBy(s => context.Night && !s.Hours.Is24x7 ? 1 : 0)
            .ThenBy(s => context.IndigenousFirst && !IsForIndigenousPeople(s) ? 1 : 0)
            .ThenBy(s => s.Definition.Regions.Contains(context.Region) && context.Region != RegionTimeZones.National ? 0 : 1)
            .ThenBy(s => LanguageRank(s, context.Locale))
            .ThenBy(s => AudienceRank(s, context.Audience))
            .ThenBy(s => s.Hours.IsOpenAt(context.Now) ? 0 : 1)
            .ThenBy(s => s.Definition.Id, StringComparer.Ordinal);

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
