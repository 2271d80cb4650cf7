namespace AwarenessBot.Analytics;

/// <summary>One labelled, suppressed count (a day, a channel, a region, a category...).</summary>
public sealed record LabelCount(string Label, SuppressedCount Count);

/// <summary>Module funnel: distinct sessions that started and completed it; the rate only when both counts are shown.</summary>
public sealed record ModuleFunnelRow(string Module, SuppressedCount Started, SuppressedCount Completed, double? CompletionRate);

/// <summary>Quiz answers per module; the correct rate only when both counts are shown.</summary>
public sealed record QuizRow(string Module, SuppressedCount Answered, SuppressedCount Correct, double? CorrectRate);

/// <summary>Every aggregate for a date range (UTC days, inclusive). All counts are suppressed below 5.</summary>
public sealed record AnalyticsAggregates(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<LabelCount> SessionsByDay,
    IReadOnlyList<LabelCount> SessionsByChannel,
    IReadOnlyList<LabelCount> SessionsByAgeBand,
    IReadOnlyList<LabelCount> SessionsByRegion,
    IReadOnlyList<ModuleFunnelRow> ModuleFunnel,
    IReadOnlyList<QuizRow> Quiz,
    IReadOnlyList<LabelCount> ServicesShownByRegion,
    IReadOnlyList<LabelCount> CrisesByCategory);

/// <summary>Reads aggregates; the only public read path, so suppression cannot be skipped.</summary>
public interface IAnalyticsQuery
{
    /// <summary>Aggregates for the UTC days <paramref name="firstDay"/> to <paramref name="lastDay"/>, inclusive.</summary>
    Task<AnalyticsAggregates> GetAggregatesAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}
