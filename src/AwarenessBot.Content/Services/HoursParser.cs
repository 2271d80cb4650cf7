using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwarenessBot.Content.Services;

/// <summary>Reads the hours field: "24/7" or { time_zone, schedule: ["Mon-Fri 06:30-20:00", ...], note }.</summary>
internal static class HoursParser
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static bool TryParse(JsonNode? node, out ServiceHours hours, out string error)
    {
        hours = ServiceHours.AlwaysOpen;
        error = string.Empty;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return TryParseKeyword(value.GetValue<string>(), out hours, out error);
        }

        if (node is not JsonObject obj || obj["time_zone"]?.GetValue<string>() is not { } zoneId || obj["schedule"] is not JsonArray schedule)
        {
            error = "expected \"24/7\" or an object with time_zone and schedule";
            return false;
        }

        if (!TimeZoneCache.TryFind(zoneId, out var zone))
        {
            error = $"unknown time zone '{zoneId}'";
            return false;
        }

        var windows = new List<OpeningWindow>();
        var lines = schedule.Select(s => s?.GetValue<string>() ?? string.Empty).ToList();
        foreach (var line in lines)
        {
            if (!TryParseLine(line, windows, out error))
            {
                return false;
            }
        }

        var note = obj["note"] is JsonObject n ? n.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal) : null;
        hours = new ServiceHours(HoursKind.Weekly, zone, windows, lines, note);
        return true;
    }

    private static bool TryParseKeyword(string keyword, out ServiceHours hours, out string error)
    {
        error = string.Empty;
        ServiceHours? known = keyword switch
        {
            "24/7" => ServiceHours.AlwaysOpen,
            "online" => ServiceHours.OnlineOnly,
            "unknown" => ServiceHours.NotSourced,
            _ => null,
        };
        hours = known ?? ServiceHours.NotSourced;
        if (known is null)
        {
            error = "expected \"24/7\", \"online\", \"unknown\" or an object with time_zone and schedule";
        }

        return known is not null;
    }

    private static bool TryParseLine(string line, List<OpeningWindow> windows, out string error)
    {
        error = string.Empty;
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var times = parts.Length == 2 ? parts[1].Split('-') : [];
        if (times.Length != 2 || !TryTime(times[0], out var open) || !TryTime(times[1], out var close) || open == close)
        {
            error = $"'{line}' is not like 'Mon-Fri 06:30-20:00'";
            return false;
        }

        foreach (var range in parts[0].Split(','))
        {
            var ends = range.Split('-');
            var first = Array.IndexOf(DayNames, ends[0]);
            var last = Array.IndexOf(DayNames, ends[^1]);
            if (first < 0 || last < 0)
            {
                error = $"'{range}' is not a day or a range of days";
                return false;
            }

            for (var d = first; ; d = (d + 1) % 7)
            {
                AddWindow(windows, (DayOfWeek)d, open, close);
                if (d == last)
                {
                    break;
                }
            }
        }

        return true;
    }

    // An overnight window (22:00-06:00) is split at midnight.
    private static void AddWindow(List<OpeningWindow> windows, DayOfWeek day, TimeSpan open, TimeSpan close)
    {
        if (close > open)
        {
            windows.Add(new OpeningWindow(day, open, close));
            return;
        }

        windows.Add(new OpeningWindow(day, open, TimeSpan.FromHours(24)));
        windows.Add(new OpeningWindow((DayOfWeek)(((int)day + 1) % 7), TimeSpan.Zero, close));
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }
}
