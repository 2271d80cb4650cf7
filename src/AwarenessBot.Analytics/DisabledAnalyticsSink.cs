namespace AwarenessBot.Analytics;

/// <summary>Analytics:Enabled = false: events are discarded before any buffering or storage.</summary>
internal sealed class DisabledAnalyticsSink : IAnalyticsSink
{
    public void Record(AnalyticsEvent analyticsEvent)
    {
    }
}
