namespace AwarenessBot.Content.Services;

/// <summary>
/// The time zone used for "is it night there?" per province/territory. Provinces spanning zones use the zone of
/// most of their population (Nunavut: Iqaluit; Saskatchewan does not observe DST). National → America/Toronto.
/// </summary>
public static class RegionTimeZones
{
    public const string National = "CA";

    private static readonly Dictionary<string, string> Zones = new(StringComparer.Ordinal)
    {
        ["BC"] = "America/Vancouver",
        ["AB"] = "America/Edmonton",
        ["SK"] = "America/Regina",
        ["MB"] = "America/Winnipeg",
        ["ON"] = "America/Toronto",
        ["QC"] = "America/Toronto",
        ["NB"] = "America/Moncton",
        ["NS"] = "America/Halifax",
        ["PE"] = "America/Halifax",
        ["NL"] = "America/St_Johns",
        ["YT"] = "America/Whitehorse",
        ["NT"] = "America/Yellowknife",
        ["NU"] = "America/Iqaluit",
        [National] = "America/Toronto",
    };

    /// <summary>The 13 province and territory codes.</summary>
    public static IReadOnlyList<string> ProvincesAndTerritories { get; } = Zones.Keys.Where(k => k != National).Order(StringComparer.Ordinal).ToList();

    public static bool IsProvinceOrTerritory(string code) => code != National && Zones.ContainsKey(code);

    public static TimeZoneInfo For(string? region) =>
        TimeZoneCache.Find(region is not null && Zones.TryGetValue(region, out var id) ? id : Zones[National]);

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
