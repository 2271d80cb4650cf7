using System.Globalization;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Repository;

namespace AwarenessBot.Content.Services;

/// <summary>A weekly opening window in the service's time zone. Close may be 24:00 (end of day).</summary>
internal sealed record OpeningWindow(DayOfWeek Day, TimeSpan Open, TimeSpan Close);

/// <summary>
/// One opening as written in the schedule: the days it starts on, in the order written, open and close (close may be
/// 24:00, or before open when the opening runs past midnight).
/// </summary>
internal sealed record WeeklyOpening(IReadOnlyList<DayOfWeek> Days, TimeSpan Open, TimeSpan Close)
{
    /// <summary>
    /// The opening in the locale's words from seeds/catalog.yaml (service_hours templates and weekdays): "Mon-Fri
    /// 08:15-16:30", "lun. au ven., de 8 h 15 à 16 h 30", "Mon,Wed,Fri 12:00-17:00"; three or more days in a row make a range.
    /// </summary>
    public string Describe(string? locale)
    {
        var catalog = BotCatalog.Default;
        string Text(string key) => catalog.ServiceHoursText(locale, key) ?? "";
        var names = catalog.WeekdayNames(locale);
        var times = Text("time_range").Replace("{from}", TimeText(Open, Text("time")), StringComparison.Ordinal)
            .Replace("{to}", TimeText(Close, Text("time")), StringComparison.Ordinal);
        return Text("opening").Replace("{days}", DaysText(names, Text("day_range"), Text("day_list")), StringComparison.Ordinal)
            .Replace("{times}", times, StringComparison.Ordinal);
    }

    public override string ToString() => Describe(LocaleNames.Fallback);

    private static string TimeText(TimeSpan time, string template)
    {
        var hours = (int)time.TotalHours;
        return template
            .Replace("{hh}", hours.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{h}", hours.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{mm}", time.Minutes.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private string DaysText(IReadOnlyList<string> names, string range, string separator)
    {
        // DayOfWeek counts from Sunday; the catalog's names from Monday.
        string Name(DayOfWeek day) => names[((int)day + 6) % 7];
        var parts = new List<string>();
        for (var start = 0; start < Days.Count;)
        {
            var end = start;
            while (end + 1 < Days.Count && (int)Days[end + 1] == ((int)Days[end] + 1) % 7)
            {
                end++;
            }

            if (end - start >= 2)
            {
                parts.Add(range.Replace("{from}", Name(Days[start]), StringComparison.Ordinal).Replace("{to}", Name(Days[end]), StringComparison.Ordinal));
            }
            else
            {
                parts.AddRange(Days.Skip(start).Take(end - start + 1).Select(Name));
            }

            start = end + 1;
        }

        return string.Join(separator, parts);
    }
}

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
    IReadOnlyList<WeeklyOpening> Schedule,
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

        var zone = Zone is null ? "" : " (" + BotCatalog.Default.TimeZoneLabel(Zone.Id, locale) + ")";
        var text = string.Join(", ", Schedule.Select(o => o.Describe(locale))) + zone;
        return Note is not null && (Note.TryGetValue(locale, out var note) || Note.TryGetValue(LocaleNames.Fallback, out note)) ? text + ". " + note : text;
    }

    /// <summary>The locale's wording from seeds/catalog.yaml (service_hours), else the fallback locale's.</summary>
    private static string Wording(string locale, string key) => BotCatalog.Default.ServiceHoursText(locale, key) ?? key;
}
