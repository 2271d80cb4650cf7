using System.Diagnostics;
using System.Globalization;
using System.Text;
using LoadGenerator.Cli;
using LoadGenerator.Hosting;
using LoadGenerator.Load;
using LoadGenerator.Reporting;
using static LoadGenerator.Reporting.Figures;

namespace LoadGenerator.Modes;

/// <summary>
/// <c>--soak 5m</c>: one host under steady load (first --concurrency value, default 32) for the whole duration,
/// sampling its RSS every --sample (10 s). Growth = median RSS of the last third ÷ median RSS of the first third
/// after the first sample (start-up and JIT excluded); above 1.10 it is reported as growth.
/// </summary>
internal static class SoakMode
{
    private const double GrowthThreshold = 1.10;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var target = HostTarget.ByName(options.Target, options.ProductDll, options.FloorDll, options.ProductEnv, options.FloorEnv);
        await using var server = await HostRuns.StartAsync(target, options, cancellationToken);
        var concurrency = options.Concurrency.Count == 3 && options.Concurrency[0] == 8 ? 32 : options.Concurrency[0];
        var clock = Stopwatch.StartNew();
        var load = LoadRunner.RunAsync(target.Name, server.BaseUri, concurrency, options.PoolFactor, options.Duration, options.MaxTurns, options.ChannelId, cancellationToken);
        var samples = new List<(TimeSpan At, ProcessSample Sample)> { (clock.Elapsed, server.Sample()) };
        while (!load.IsCompleted)
        {
            await Task.WhenAny(load, Task.Delay(options.SampleEvery, cancellationToken));
            samples.Add((clock.Elapsed, server.Sample()));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0}s RSS {samples[^1].Sample.RssKb / 1024.0:0.0} MiB"));
        }

        var result = await load;
        var report = Render(options, target, concurrency, result, samples);
        ReportWriter.Publish(report.Markdown, "soak-latest", options.Output);
        return options.FailOnErrors && (result.Errors > 0 || result.Turns == 0) ? 1 : 0;
    }

    private static (string Markdown, bool Grew) Render(BenchOptions options, HostTarget target, int concurrency, RunResult result, List<(TimeSpan At, ProcessSample Sample)> samples)
    {
        var inv = CultureInfo.InvariantCulture;
        var steady = samples.Skip(1).Select(s => s.Sample.RssKb).ToList();
        var third = Math.Max(1, steady.Count / 3);
        var growth = steady.Count >= 3 ? Median(steady.TakeLast(third)) / Median(steady.Take(third)) : double.NaN;
        var grew = growth > GrowthThreshold;
        var p = Percentiles.Of(result.AllTicks);
        var md = new StringBuilder();
        md.AppendLine(inv, $"# Soak: {target.Name}, {Durations.Format(options.Duration)} at {concurrency} concurrent conversations").AppendLine();
        md.AppendLine(inv, $"- Machine: {MachineInfo.Describe()}");
        md.AppendLine(inv, $"- {Int(result.Turns)} turns, {Rate(result.TurnsPerSecond)} turns/s, p50 {Ms(p.P50)} ms, p99 {Ms(p.P99)} ms, errors {Int(result.Errors)} (non-2xx {Int(result.HttpErrors)}, empty {Int(result.EmptyReplies)}, failed {Int(result.Failures)})");
        md.AppendLine(inv, $"- RSS growth (median of last third ÷ first third): **{Ratio(growth)}** → {(double.IsNaN(growth) ? "too few samples" : grew ? "GROWTH (over 1.10×)" : "no growth")}; peak working set {MiB(samples[^1].Sample.PeakKb)}").AppendLine();
        md.AppendLine("| t (s) | RSS | threads | host CPU s |").AppendLine("|---:|---:|---:|---:|");
        foreach (var (at, sample) in samples)
        {
            md.AppendLine(inv, $"| {at.TotalSeconds:0} | {MiB(sample.RssKb)} | {sample.Threads} | {sample.CpuSeconds:0.0} |");
        }

        return (md.ToString(), grew);
    }

    private static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
