namespace AwarenessBot.Analytics;

/// <summary>
/// Raw counts, internal on purpose: the only public way to read analytics is <see cref="IAnalyticsQuery"/>,
/// which turns every count into a <see cref="SuppressedCount"/>. The storage library implements it for SQLite and
/// PostgreSQL through InternalsVisibleTo, so raw counts still never leave these two assemblies.
/// </summary>
internal interface IAnalyticsStore
{
    Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken);

    Task<IReadOnlyList<RawCount>> CountAsync(CountRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Count events named <paramref name="EventName"/> between two days (inclusive), grouped by <paramref name="GroupBy"/>
/// (<see cref="CountRequest.Day"/> or dimension keys), counting distinct sessions or events.
/// </summary>
internal sealed record CountRequest(string EventName, IReadOnlyList<string> GroupBy, bool DistinctSessions, DateOnly From, DateOnly To)
{
    public const string Day = "day";
}

/// <summary>One group: its labels (in GroupBy order; null when the dimension was absent) and its raw count.</summary>
internal sealed record RawCount(IReadOnlyList<string?> Labels, long Count);
