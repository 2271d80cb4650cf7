using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using LoadGenerator.Script;

namespace LoadGenerator.Load;

/// <summary>
/// N workers over a pool of conversations (poolFactor × N): a worker takes the idle conversation that waited longest,
/// plays its next step, and puts it back, so state is read and written across many keys. Stops at the deadline or
/// after maxTurns, whichever comes first.
/// </summary>
internal static class LoadRunner
{
    private static int s_runs;

    public static async Task<RunResult> RunAsync(
        string host, Uri baseUri, int concurrency, int poolFactor, TimeSpan duration, long? maxTurns, string channelId, CancellationToken cancellationToken)
    {
        var runId = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Interlocked.Increment(ref s_runs)}-{Stopwatch.GetTimestamp() % 1_000_000}");
        var pool = Channel.CreateUnbounded<ConversationSlot>();
        for (var i = 0; i < concurrency * poolFactor; i++)
        {
            pool.Writer.TryWrite(new ConversationSlot(runId, i, channelId));
        }

        using var http = TurnClient.CreateHttpClient(baseUri);
        var client = new TurnClient(http);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(duration);
        long budget = maxTurns ?? long.MaxValue;
        var recorders = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder(ConversationScript.Steps.Count)).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(recorders.Select(recorder => Task.Run(() => WorkAsync(recorder), CancellationToken.None)));
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new RunResult(host, concurrency, clock.Elapsed, recorders) { GeneratorCpuSeconds = cpu.TotalSeconds };

        async Task WorkAsync(LatencyRecorder recorder)
        {
            while (!deadline.IsCancellationRequested && Interlocked.Decrement(ref budget) >= 0)
            {
                ConversationSlot slot;
                try
                {
                    slot = await pool.Reader.ReadAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    recorder.Record(await client.PlayAsync(slot, deadline.Token));
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    return; // the turn in flight at the deadline is not counted
                }
#pragma warning disable CA1031 // A failed turn (refused connection, timeout) is a measured error, not a crash.
                catch (Exception)
#pragma warning restore CA1031
                {
                    recorder.RecordFailure();
                    slot.Advance();
                }
                finally
                {
                    pool.Writer.TryWrite(slot);
                }
            }
        }
    }
}
