using LoadGenerator.Cli;
using LoadGenerator.Hosting;
using LoadGenerator.Load;

namespace LoadGenerator.Modes;

/// <summary>One host only (<c>--target product|floor</c>): quick checks while developing.</summary>
internal static class SingleMode
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        await using var server = await HostRuns.StartAsync(HostTarget.ByName(options.Target, options.ProductDll, options.FloorDll, options.ProductEnv, options.FloorEnv), options, cancellationToken);
        var errors = 0L;
        var turns = 0L;
        foreach (var concurrency in options.Concurrency)
        {
            var result = await HostRuns.MeasureAsync(server, concurrency, options, cancellationToken);
            errors += result.Errors;
            turns += result.Turns;
            var p = Percentiles.Of(result.AllTicks);
            Console.WriteLine($"    p95 {p.P95:0.00} ms, max {p.Max:0.00} ms, host CPU {result.HostCpuSeconds * 1000 / Math.Max(1, result.Turns):0.00} ms/turn, RSS {result.HostRssKb / 1024.0:0.0} MiB");
        }

        var end = server.Sample();
        Console.WriteLine($"  peak working set (VmHWM) {end.PeakKb / 1024.0:0.0} MiB, start-up {server.StartupTime.TotalMilliseconds:0} ms, {server.LogLines} log lines");
        // The host's last lines (ids, counts and types only: the product never logs message text).
        Console.WriteLine("  last host log lines:");
        Console.WriteLine(string.Join(Environment.NewLine, server.Tail().Split(Environment.NewLine).TakeLast(8).Select(l => "    " + (l.Length > 300 ? l[..300] : l))));
        return options.FailOnErrors && (errors > 0 || turns == 0) ? 1 : 0;
    }
}
