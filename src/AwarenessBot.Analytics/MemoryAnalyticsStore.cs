namespace AwarenessBot.Analytics;

/// <summary>For the Memory provider (unit tests): same grouping semantics as the SQL store.</summary>
internal sealed class MemoryAnalyticsStore : IAnalyticsStore
{
    private readonly List<AnalyticsEvent> _events = [];
    private readonly Lock _lock = new();

    public Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _events.AddRange(events);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RawCount>> CountAsync(CountRequest request, CancellationToken cancellationToken)
    {
        List<AnalyticsEvent> snapshot;
        lock (_lock)
        {
            snapshot = [.. _events];
        }

        var rows = snapshot
            .Where(e => e.Name == request.EventName)
            .Where(e => DayOf(e) >= request.From && DayOf(e) <= request.To)
            .GroupBy(e => string.Join('\u001f', request.GroupBy.Select(g => Label(e, g) ?? "\u0000")))
            .Select(g => new RawCount(
                request.GroupBy.Select(k => Label(g.First(), k)).ToList(),
                request.DistinctSessions ? g.Select(e => e.SessionKey).Distinct(StringComparer.Ordinal).LongCount() : g.LongCount()))
            .OrderBy(r => string.Join('\u001f', r.Labels), StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<RawCount>>(rows);
    }

    private static DateOnly DayOf(AnalyticsEvent e) => DateOnly.FromDateTime(e.At.UtcDateTime);

    private static string? Label(AnalyticsEvent e, string key) => key == CountRequest.Day
        ? DayOf(e).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : e.Dimensions.GetValueOrDefault(key);
}
