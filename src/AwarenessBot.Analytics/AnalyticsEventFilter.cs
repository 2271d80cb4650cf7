using System.Text.RegularExpressions;
using AwarenessBot.Catalog;

namespace AwarenessBot.Analytics;

/// <summary>
/// Defence in depth against text or ids leaking into analytics: only allow-listed dimension keys survive, and only
/// short values without '@' (e-mail addresses, handles) or runs of 5+ digits (phone numbers, ids, postal numbers).
/// </summary>
internal static partial class AnalyticsEventFilter
{
    public const int MaxValueLength = 40;

    /// <summary>The event as it may be stored, or null when it must be dropped whole.</summary>
    public static AnalyticsEvent? Clean(AnalyticsEvent analyticsEvent, AnalyticsCounters counters)
    {
        if (!BotCatalog.Default.AnalyticsDimensions.TryGetValue(analyticsEvent.Name, out var allowed)
            || !SessionKeyShape().IsMatch(analyticsEvent.SessionKey ?? string.Empty))
        {
            counters.RejectEvent();
            return null;
        }

        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in analyticsEvent.Dimensions ?? new Dictionary<string, string>())
        {
            if (allowed.Contains(key) && IsSafeValue(value))
            {
                kept[key] = value;
            }
            else
            {
                counters.RejectDimension();
            }
        }

        return analyticsEvent with { Dimensions = kept };
    }

    public static bool IsSafeValue(string? value)
        => !string.IsNullOrEmpty(value)
           && value.Length <= MaxValueLength
           && !value.Contains('@', StringComparison.Ordinal)
           && !DigitRun().IsMatch(value);

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex DigitRun();

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex SessionKeyShape();
}
