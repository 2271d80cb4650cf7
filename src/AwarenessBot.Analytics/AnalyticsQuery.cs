using AwarenessBot.Catalog;

namespace AwarenessBot.Analytics;

/// <summary>Builds the aggregates from raw counts, suppressing every count below 5 as soon as it is read.</summary>
internal sealed class AnalyticsQuery(IAnalyticsStore store) : IAnalyticsQuery
{
    /// <summary>Label for events that did not carry the dimension.</summary>
    public const string Unknown = "unknown";

    public async Task<AnalyticsAggregates> GetAggregatesAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var (from, to) = (firstDay, lastDay);
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(lastDay));
        }

        Task<IReadOnlyList<LabelCount>> Sessions(string by)
            => ByOneAsync(new CountRequest(AnalyticsEventNames.SessionStarted, [by], true, from, to), cancellationToken);

        return new AnalyticsAggregates(
            from,
            to,
            await Sessions(CountRequest.Day),
            await Sessions("channel"),
            await Sessions("age_band"),
            await Sessions("region"),
            await FunnelAsync(from, to, cancellationToken),
            await QuizAsync(from, to, cancellationToken),
            await ByOneAsync(new CountRequest(AnalyticsEventNames.ServicesShown, ["region"], false, from, to), cancellationToken),
            await ByOneAsync(new CountRequest(AnalyticsEventNames.CrisisRaised, ["category"], false, from, to), cancellationToken));
    }

    private async Task<IReadOnlyList<LabelCount>> ByOneAsync(CountRequest request, CancellationToken cancellationToken)
        => (await store.CountAsync(request, cancellationToken))
            .Select(r => new LabelCount(r.Labels[0] ?? Unknown, SuppressedCount.From(r.Count)))
            .ToList();

    private async Task<IReadOnlyList<ModuleFunnelRow>> FunnelAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var started = await RawByLabelAsync(new CountRequest(AnalyticsEventNames.ModuleStarted, ["module"], true, from, to), cancellationToken);
        var completed = await RawByLabelAsync(new CountRequest(AnalyticsEventNames.ModuleCompleted, ["module"], true, from, to), cancellationToken);
        return started.Keys.Union(completed.Keys).Order(StringComparer.Ordinal)
            .Select(module => Funnel(module, started.GetValueOrDefault(module), completed.GetValueOrDefault(module)))
            .ToList();
    }

    private async Task<IReadOnlyList<QuizRow>> QuizAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await store.CountAsync(new CountRequest(AnalyticsEventNames.QuizAnswered, ["module", "correct"], false, from, to), cancellationToken);
        return rows.GroupBy(r => r.Labels[0] ?? Unknown, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Quiz(g.Key, g.Sum(r => r.Count), g.Where(r => r.Labels[1] == "true").Sum(r => r.Count)))
            .ToList();
    }

    private async Task<Dictionary<string, long>> RawByLabelAsync(CountRequest request, CancellationToken cancellationToken)
        => (await store.CountAsync(request, cancellationToken))
            .GroupBy(r => r.Labels[0] ?? Unknown, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);

    private static ModuleFunnelRow Funnel(string module, long started, long completed)
        => new(module, SuppressedCount.From(started), SuppressedCount.From(completed), RateOrNull(completed, started));

    private static QuizRow Quiz(string module, long answered, long correct)
        => new(module, SuppressedCount.From(answered), SuppressedCount.From(correct), RateOrNull(correct, answered));

    // A rate next to a suppressed count would let a reader work the small count back out.
    private static double? RateOrNull(long part, long whole)
        => part < SuppressedCount.Threshold || whole < SuppressedCount.Threshold
            ? null
            : Math.Round((double)part / whole, 3);
}
