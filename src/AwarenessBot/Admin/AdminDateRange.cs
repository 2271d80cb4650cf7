using System.Globalization;

namespace AwarenessBot.Admin;

/// <summary>The UTC day range of a request: <c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>, default the last N days.</summary>
internal static class AdminDateRange
{
    public const int MaxDays = 366;

    public static bool TryParse(string? from, string? to, TimeProvider time, int defaultDays, out (DateOnly From, DateOnly To) range)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        range = default;
        if (!TryDay(to, today, out var last) || !TryDay(from, last.AddDays(1 - defaultDays), out var first))
        {
            return false;
        }

        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
        {
            return false;
        }

        range = (first, last);
        return true;
    }

    private static bool TryDay(string? raw, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(raw))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
