using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Services;

/// <summary>A problem in a service's hours: the JSON pointer of the offending node and what is wrong.</summary>
internal sealed record HoursError(string Pointer, string Message);

/// <summary>
/// Maps the hours field: "24/7", "online", "unknown", or { time_zone, schedule: [{ days, open, close }], note }.
/// The schema has checked the shape (day names, "HH:MM" times); this checks the meaning (a real time zone, an opening
/// that lasts) and splits an opening past midnight into two windows.
/// </summary>
internal static class HoursReader
{
    private const string Pointer = "/hours";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    };

    private static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    public static bool TryRead(JsonNode? node, out ServiceHours hours, out HoursError? error)
    {
        hours = ServiceHours.NotSourced;
        error = null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return TryReadKeyword(value.GetValue<string>(), out hours, out error);
        }

        var weekly = node is JsonObject ? Deserialize(node) : null;
        if (weekly is null || weekly.TimeZone.Length == 0 || weekly.Schedule.Count == 0)
        {
            error = new HoursError(Pointer, "expected \"24/7\", \"online\", \"unknown\" or an object with time_zone and schedule");
            return false;
        }

        if (!TimeZoneCache.TryFind(weekly.TimeZone, out var zone))
        {
            error = new HoursError(Pointer + "/time_zone", $"unknown time zone '{weekly.TimeZone}'");
            return false;
        }

        var schedule = new List<WeeklyOpening>();
        var windows = new List<OpeningWindow>();
        for (var i = 0; i < weekly.Schedule.Count; i++)
        {
            if (!TryReadOpening(weekly.Schedule[i], $"{Pointer}/schedule/{i}", out var opening, out error))
            {
                return false;
            }

            schedule.Add(opening);
            foreach (var day in opening.Days)
            {
                AddWindows(windows, day, opening.Open, opening.Close);
            }
        }

        hours = new ServiceHours(HoursKind.Weekly, zone, windows, schedule, weekly.Note);
        return true;
    }

    // The schema stage has checked the shape; a node of another shape (a caller that skipped it) reads as nothing.
    private static WeeklyHoursDefinition? Deserialize(JsonNode node)
    {
        try
        {
            return node.Deserialize<WeeklyHoursDefinition>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadKeyword(string keyword, out ServiceHours hours, out HoursError? error)
    {
        error = null;
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
            error = new HoursError(Pointer, $"'{keyword}' is not \"24/7\", \"online\" or \"unknown\"; a weekly schedule is an object with time_zone and schedule");
        }

        return known is not null;
    }

    private static bool TryReadOpening(OpeningDefinition definition, string pointer, out WeeklyOpening opening, out HoursError? error)
    {
        opening = new WeeklyOpening([], TimeSpan.Zero, TimeSpan.Zero);
        error = null;
        var days = new List<DayOfWeek>();
        for (var d = 0; d < definition.Days.Count; d++)
        {
            if (!Days.TryGetValue(definition.Days[d], out var day))
            {
                error = new HoursError($"{pointer}/days/{d}", $"'{definition.Days[d]}' is not a day (mon, tue, wed, thu, fri, sat, sun)");
                return false;
            }

            days.Add(day);
        }

        if (days.Count == 0)
        {
            error = new HoursError(pointer + "/days", "an opening needs at least one day");
            return false;
        }

        if (!TryTime(definition.Open, allowEndOfDay: false, out var open))
        {
            error = new HoursError(pointer + "/open", $"open '{definition.Open}' is not a time from 00:00 to 23:59");
            return false;
        }

        if (!TryTime(definition.Close, allowEndOfDay: true, out var close))
        {
            error = new HoursError(pointer + "/close", $"close '{definition.Close}' is not a time from 00:00 to 24:00");
            return false;
        }

        if (open == close)
        {
            error = new HoursError(pointer, $"open and close are both {definition.Open}: an opening must last (a whole day is 00:00 to 24:00)");
            return false;
        }

        opening = new WeeklyOpening(days, open, close);
        return true;
    }

    // An opening past midnight (22:00-06:00) is split at midnight: the rest belongs to the next day.
    private static void AddWindows(List<OpeningWindow> windows, DayOfWeek day, TimeSpan open, TimeSpan close)
    {
        if (close > open)
        {
            windows.Add(new OpeningWindow(day, open, close));
            return;
        }

        windows.Add(new OpeningWindow(day, open, EndOfDay));
        windows.Add(new OpeningWindow((DayOfWeek)(((int)day + 1) % 7), TimeSpan.Zero, close));
    }

    private static bool TryTime(string text, bool allowEndOfDay, out TimeSpan time)
    {
        if (allowEndOfDay && text == "24:00")
        {
            time = EndOfDay;
            return true;
        }

        var parsed = TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock);
        time = clock.ToTimeSpan();
        return parsed;
    }
}
