using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.Repository;

namespace AwarenessBot.Content.Services;

/// <summary>
/// Finds services for a need in a region, ranked by <see cref="ServiceRanker"/>. Never returns an empty list for a
/// loaded directory: a region without a service for the need gets the national lines, and an unknown need gets
/// 211 and the Canadian Human Trafficking Hotline.
/// </summary>
internal sealed class ServiceDirectory(ContentSnapshotHolder holder) : IServiceDirectory
{
    public IReadOnlyList<string> Needs =>
        RoutingFallbacks.AllNeeds.Where(n => holder.Current.Services.Values.Any(s => s.Definition.Needs.Contains(n))).ToList();

    public IReadOnlyList<ServiceView> Find(ServiceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var services = holder.Current.Services;
        var need = query.Need?.Trim().ToLowerInvariant() ?? string.Empty;
        var region = NormalizeRegion(query.Region);
        var locale = LocaleNames.Normalize(query.Locale);
        var candidates = services.Values
            .Where(s => s.Definition.Needs.Contains(need) && Serves(s, region)
                && !(query.Adult && ServiceViewFactory.IsForMinorsOnly(s.Definition))
                && !(query.Under18 && ServiceViewFactory.IsNotForYoungPeople(s.Definition)))
            .ToList();
        if (candidates.Count == 0)
        {
            candidates = RoutingFallbacks.Required.Skip(1).Select(id => services.GetValueOrDefault(id)).OfType<ServiceEntry>().ToList();
        }

        if (candidates.Count == 0)
        {
            candidates = services.Values.Where(s => s.Definition.Regions.Contains(RegionTimeZones.National)).ToList();
        }

        var context = new ServiceRanker.Context(
            need, region, NormalizeAudience(query.Audience), locale, query.IndigenousFirst, RegionTimeZones.IsNight(region, query.Now), query.Now);
        return ServiceRanker.Rank(candidates, context)
            .Take(Math.Max(1, query.Limit))
            .Select(s => ServiceViewFactory.Create(s, locale, query.Now))
            .ToList();
    }

    public ServiceView? FindById(string serviceId, string locale, DateTimeOffset now) =>
        holder.Current.Services.TryGetValue(serviceId, out var entry) ? ServiceViewFactory.Create(entry, LocaleNames.Normalize(locale), now) : null;

    /// <summary>Upper-case code; null, empty and unknown codes mean national only.</summary>
    internal static string NormalizeRegion(string? region)
    {
        var code = region?.Trim().ToUpperInvariant();
        return code is not null && RegionTimeZones.IsProvinceOrTerritory(code) ? code : RegionTimeZones.National;
    }

    private static string? NormalizeAudience(string? audience) =>
        string.IsNullOrWhiteSpace(audience) ? null : audience.Trim().ToLowerInvariant();

    private static bool Serves(ServiceEntry service, string region) =>
        service.Definition.Regions.Contains(RegionTimeZones.National) || service.Definition.Regions.Contains(region);
}
