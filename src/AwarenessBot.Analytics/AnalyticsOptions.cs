namespace AwarenessBot.Analytics;

/// <summary>How programme analytics run; the host reads them from <c>Analytics:Enabled</c> and <c>Storage:AnalyticsBufferCapacity</c>.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>False discards every event (the dashboard then shows nothing new).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Events buffered between the turn and the writer before new ones are dropped (and counted).</summary>
    public int BufferCapacity { get; set; } = 10_000;
}
