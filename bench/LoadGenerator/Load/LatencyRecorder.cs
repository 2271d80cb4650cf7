using System.Diagnostics;

namespace LoadGenerator.Load;

/// <summary>One worker's latencies (ticks) per script step and its error counts; merged after the run, so no locks.</summary>
internal sealed class LatencyRecorder(int steps)
{
    public List<long>[] ByStep { get; } = [.. Enumerable.Range(0, steps).Select(_ => new List<long>(4096))];

    public long HttpErrors { get; private set; }

    public long EmptyReplies { get; private set; }

    public long Failures { get; private set; }

    /// <summary>Response body bytes read, all turns.</summary>
    public long ResponseBytes { get; private set; }

    public void Record(TurnOutcome outcome)
    {
        ResponseBytes += outcome.ResponseBytes;
        switch (outcome.Status)
        {
            case TurnStatus.Ok: ByStep[outcome.StepIndex].Add(outcome.ElapsedTicks); break;
            case TurnStatus.EmptyReply: EmptyReplies++; ByStep[outcome.StepIndex].Add(outcome.ElapsedTicks); break;
            case TurnStatus.HttpError: HttpErrors++; break;
            default: Failures++; break;
        }
    }

    public void RecordFailure() => Failures++;

    public static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
