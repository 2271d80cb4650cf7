using AwarenessBot.Catalog;

namespace AwarenessBot.Content.Services;

/// <summary>
/// The time zone used for "is it night there?" per province/territory, from seeds/catalog.yaml (provinces spanning
/// zones use the zone of most of their population). Unknown or national → the national region's zone.
/// </summary>
public static class RegionTimeZones
{
    /// <summary>The national region's code (CA).</summary>
    public static string National => BotCatalog.Default.National.Code;

    /// <summary>The 13 province and territory codes.</summary>
    public static IReadOnlyList<string> ProvincesAndTerritories { get; } = [.. BotCatalog.Default.RegionCodes.Order(StringComparer.Ordinal)];

    public static bool IsProvinceOrTerritory(string code) => BotCatalog.Default.IsProvinceOrTerritory(code);

    public static TimeZoneInfo For(string? region) =>
        TimeZoneCache.Find((BotCatalog.Default.FindRegion(region) ?? BotCatalog.Default.National).TimeZone);

    /// <summary>Night is 22:00–07:00 local time: offices are closed, only 24/7 lines answer.</summary>
    public static bool IsNight(string? region, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, For(region));
        return local.Hour >= 22 || local.Hour < 7;
    }
}

internal static class TimeZoneCache
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string id) => Cache.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);

    public static bool TryFind(string id, out TimeZoneInfo? zone)
    {
        try
        {
            zone = Find(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}
