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
                return locale switch
                {
                    "fr" => "24 h sur 24, 7 jours sur 7",
                    "es" => "24 horas, 7 días a la semana",
                    _ => "24/7",
                };
            case HoursKind.OnlineOnly:
                return locale switch
                {
                    "fr" => "En ligne",
                    "es" => "En línea",
                    _ => "Online",
                };
            case HoursKind.NotSourced:
                return locale switch
                {
                    "fr" => "Heures à confirmer",
                    "es" => "Horario por confirmar",
                    _ => "Hours not confirmed",
                };
        }

        var text = string.Join(", ", Schedule) + " (" + Zone?.Id + ")";
        return Note is not null && (Note.TryGetValue(locale, out var note) || Note.TryGetValue("en", out note)) ? text + ". " + note : text;
    }
}
