using System.Diagnostics;
using AwarenessBot.Analysis.Tests.Evaluation;
using AwarenessBot.Analysis.Tests.Support;
using Xunit.Abstractions;

namespace AwarenessBot.Analysis.Tests.Performance;

/// <summary>Prints µs per message for the local analyzer (no assertion on time: machines differ). Real benchmarks: bench/.</summary>
public sealed class CostPerMessageTests(ITestOutputHelper output)
{
    [Fact]
    public void Prints_microseconds_per_message_over_the_evaluation_set()
    {
        var messages = EvaluationSetTests.Load().Select(i => i.Text).ToArray();
        var analyzer = Seeds.Analyzer;
        foreach (var message in messages)
        {
            analyzer.Analyze(message);
        }

        const int Rounds = 20;
        var signals = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var message in messages)
            {
                signals += analyzer.Analyze(message).Signals.Count;
            }
        }

        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var count = Rounds * messages.Length;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        // CPU time is printed next to wall time because a shared build machine can be many times oversubscribed.
        output.WriteLine($"{count} messages (avg {messages.Average(m => m.Length):F0} chars): wall {watch.Elapsed.TotalMicroseconds / count:F1} µs/message, "
            + $"process CPU {cpu.TotalMicroseconds / count:F1} µs/message, {allocated / count} bytes allocated/message (Environment.ProcessorCount {Environment.ProcessorCount})");
        Assert.True(signals > 0);
    }
}
