namespace AwarenessBot.Analytics;

/// <summary>Records anonymous programme events without blocking the turn.</summary>
public interface IAnalyticsSink
{
    /// <summary>
    /// Queues the event (never blocks, never throws for bad data): disallowed dimensions are dropped and counted,
    /// unknown events are dropped and counted, and a full buffer drops the event and counts it.
    /// </summary>
    void Record(AnalyticsEvent analyticsEvent);
}
