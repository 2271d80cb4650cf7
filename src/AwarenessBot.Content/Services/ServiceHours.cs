using AwarenessBot.Catalog;
using AwarenessBot.Content.Repository;

namespace AwarenessBot.Content.Services;

/// <summary>A weekly opening window in the service's time zone. Close may be 24:00 (end of day).</summary>
internal sealed record OpeningWindow(DayOfWeek Day, TimeSpan Open, TimeSpan Close);

/// <summary>How a service's hours are known.</summary>
internal enum HoursKind
{
    AlwaysOpen,
    Weekly,
    OnlineOnly,
    NotSourced,
}

/// <summary>When a person answers: always, in weekly windows in one time zone, never live (online), or not known.</summary>
internal sealed record ServiceHours(
    HoursKind Kind,
    TimeZoneInfo? Zone,
    IReadOnlyList<OpeningWindow> Windows,
    IReadOnlyList<string> Schedule,
    IReadOnlyDictionary<string, string>? Note)
{
    public static ServiceHours AlwaysOpen { get; } = new(HoursKind.AlwaysOpen, null, [], [], null);

    public static ServiceHours OnlineOnly { get; } = new(HoursKind.OnlineOnly, null, [], [], null);

    public static ServiceHours NotSourced { get; } = new(HoursKind.NotSourced, null, [], [], null);

    public bool Is24x7 => Kind == HoursKind.AlwaysOpen;

    /// <summary>A live answer at this moment. Online-only and unsourced hours are never "open": we cannot promise a person.</summary>
    public bool IsOpenAt(DateTimeOffset now)
    {
        if (Kind != HoursKind.Weekly)
        {
            return Is24x7;
        }

        var local = TimeZoneInfo.ConvertTime(now, Zone ?? TimeZoneInfo.Utc);
        var time = local.TimeOfDay;
        return Windows.Any(w => w.Day == local.DayOfWeek && w.Open <= time && time < w.Close);
    }

    public string Describe(string locale)
    {
        switch (Kind)
        {
            case HoursKind.AlwaysOpen:
                return Wording(locale, "always_open");
            case HoursKind.OnlineOnly:
                return Wording(locale, "online_only");
            case HoursKind.NotSourced:
                return Wording(locale, "not_confirmed");
        }

        var text = string.Join(", ", Schedule) + " (" + Zone?.Id + ")";
        return Note is not null && (Note.TryGetValue(locale, out var note) || Note.TryGetValue(LocaleNames.Fallback, out note)) ? text + ". " + note : text;
    }

    /// <summary>The locale's wording from seeds/catalog.yaml (service_hours), else the fallback locale's.</summary>
    private static string Wording(string locale, string key) =>
        BotCatalog.Default.FindLocale(locale)?.ServiceHours.GetValueOrDefault(key) ?? BotCatalog.Default.Fallback.ServiceHours[key];
}
