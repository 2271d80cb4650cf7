namespace AwarenessBot.Analytics;

/// <summary>What analytics refused or lost, for monitoring (a rising count means a caller is sending bad data).</summary>
public sealed class AnalyticsCounters
{
    private long _rejectedDimensions;
    private long _rejectedEvents;
    private long _droppedEvents;
    private long _failedWrites;

    /// <summary>Dimensions dropped: key not allowed for the event, or value that could be text or an id.</summary>
    public long RejectedDimensions => Interlocked.Read(ref _rejectedDimensions);

    /// <summary>Events dropped whole: unknown name or malformed session key.</summary>
    public long RejectedEvents => Interlocked.Read(ref _rejectedEvents);

    /// <summary>Events dropped because the buffer was full.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Events lost because the backend write failed.</summary>
    public long FailedWrites => Interlocked.Read(ref _failedWrites);

    internal void RejectDimension() => Interlocked.Increment(ref _rejectedDimensions);

    internal void RejectEvent() => Interlocked.Increment(ref _rejectedEvents);

    internal void DropEvent() => Interlocked.Increment(ref _droppedEvents);

    internal void FailWrites(int count) => Interlocked.Add(ref _failedWrites, count);
}
