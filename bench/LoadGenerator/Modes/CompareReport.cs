using System.Globalization;
using System.Text;
using LoadGenerator.Cli;
using LoadGenerator.Load;
using LoadGenerator.Reporting;
using static LoadGenerator.Reporting.Figures;

namespace LoadGenerator.Modes;

/// <summary>
/// The Markdown report of a compare run: AwarenessBot against the in-memory echo and the SQLite echo per concurrency
/// (pooled ratios, and the per-round range because rounds alternate), start-up, memory, per-step latency, and issue
/// 17's targets at 32 concurrent conversations.
/// </summary>
internal static class CompareReport
{
    /// <summary>Issue 17, item 5.</summary>
    public const double ThroughputVsMemoryEcho = 0.70;
    public const double ThroughputVsSqliteEcho = 0.90;
    public const double P99VsMemoryEcho = 1.50;
    public static readonly TimeSpan FirstAnswer = TimeSpan.FromMilliseconds(500);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(BenchOptions options, IReadOnlyList<CompareRow> rows, IReadOnlyList<HostFigures> hosts)
    {
        var md = new StringBuilder();
        md.AppendLine("# AwarenessBot ÷ echo floor, in-memory and SQLite (POST /api/messages, deliveryMode expectReplies)").AppendLine();
        md.AppendLine(Inv, $"- Machine: {MachineInfo.Describe()}");
        md.AppendLine(Inv, $"- Run: {options.Rounds} rounds × {Durations.Format(options.Duration)} per host and concurrency, order rotating per round (A B C, B C A, C A B); conversations pool = {options.PoolFactor} × concurrency; channel `{options.ChannelId}`; data under `{options.DataRoot}`; GC {(options.ServerGc ? "server" : "workstation (DOTNET_gcServer=0)")}; generator on the same cores.");
        md.AppendLine(Inv, $"- Hosts: `echo-memory` = bench/EchoFloor with `Storage__Provider=Memory`; `echo-sqlite` = the same with `Storage__Provider=Sqlite` (the product's storage library); `AwarenessBot` = the product on its default storage{Env(options.ProductEnv)}.");
        if (options.ProductDll is not null || options.FloorDll is not null || options.FloorEnv.Count > 0)
        {
            md.AppendLine(Inv, $"- Experiment: echo = `{options.FloorDll ?? "EchoFloor"}`{Env(options.FloorEnv)}; AwarenessBot = `{options.ProductDll ?? "AwarenessBot"}`");
        }

        md.AppendLine("- Errors = non-2xx + replies with no message + failed requests. Ratios pool every round; the range in brackets is the lowest and highest single-round ratio.").AppendLine();
        md.AppendLine(Inv, $"| Concurrency | echo-memory turns/s | echo-sqlite turns/s | AwarenessBot turns/s | ÷ echo-memory (≥ {ThroughputVsMemoryEcho:0.00}) | ÷ echo-sqlite (≥ {ThroughputVsSqliteEcho:0.00}) | errors mem / sqlite / bot | host CPU ms/turn mem / sqlite / bot |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine(Inv,
                $"| {row.Concurrency} | {Rates(row.MemoryEcho)} | {Rates(row.SqliteEcho)} | {Rates(row.Product)} | **{Ratio(row.Product.TurnsPerSecond / row.MemoryEcho.TurnsPerSecond)}** ({RoundRange(row.Product, row.MemoryEcho)}) | **{Ratio(row.Product.TurnsPerSecond / row.SqliteEcho.TurnsPerSecond)}** ({RoundRange(row.Product, row.SqliteEcho)}) | {string.Join(" / ", row.Hosts.Select(h => Int(h.Errors)))} | {string.Join(" / ", row.Hosts.Select(h => Ms(h.CpuMsPerTurn)))} |");
        }

        md.AppendLine().AppendLine(Inv, $"| Concurrency | echo-memory p50 / p95 / p99 ms | echo-sqlite p50 / p95 / p99 ms | AwarenessBot p50 / p95 / p99 ms | p99 ÷ echo-memory (≤ {P99VsMemoryEcho:0.00}) | p99 ÷ echo-sqlite |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine(Inv,
                $"| {row.Concurrency} | {Triple(row.MemoryEcho.Latency)} | {Triple(row.SqliteEcho.Latency)} | {Triple(row.Product.Latency)} | **{Ratio(row.Product.Latency.P99 / row.MemoryEcho.Latency.P99)}** | {Ratio(row.Product.Latency.P99 / row.SqliteEcho.Latency.P99)} |");
        }

        md.AppendLine().AppendLine("Start-up: each host alone (`--startups`), plus its start for the load rounds; median (min–max) over n starts, from `Process.Start` of `dotnet host.dll`.").AppendLine();
        md.AppendLine("| Host | n | process start → first HTTP answer | CPU used by then | process start → greeting turn answered | peak working set (VmHWM) | RSS at end | threads at end | log lines written | state storage seen |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var host in hosts)
        {
            var end = host.End;
            md.AppendLine(Inv,
                $"| {host.Server.Target.Name} | {host.Startups.Count} | {Spread(host.Startups.Select(s => s.FirstHttp))} | {Spread(host.Startups.Select(s => s.CpuToFirstHttp))} | {Spread(host.Startups.Where(s => s.FirstTurn is not null).Select(s => s.FirstTurn!.Value))} | {MiB(end.PeakKb)} | {MiB(end.RssKb)} | {end.Threads} | {host.Server.LogLines} | {host.Server.StorageSeen} |");
        }

        AppendMachineCost(md, rows, hosts);
        AppendBaseline(md, rows, hosts);
        AppendErrors(md, rows, hosts);
        AppendSteps(md, rows);
        AppendTargets(md, rows, hosts);
        return md.ToString();
    }

    /// <summary>Median start-up over the samples (the figure compared with the target), with the range.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[(sorted.Length - 1) / 2];
    }

    private static string Env(Dictionary<string, string> env) =>
        env.Count == 0 ? "" : " with " + string.Join(' ', env.Select(e => $"`{e.Key}={e.Value}`"));

    private static string Rates(Aggregate a) => $"{Rate(a.TurnsPerSecond)} ({Rate(a.MinRoundRate)}–{Rate(a.MaxRoundRate)})";

    private static string RoundRange(Aggregate product, Aggregate echo)
    {
        var ratios = product.Rounds.Zip(echo.Rounds, (p, e) => p.TurnsPerSecond / e.TurnsPerSecond).ToArray();
        return ratios.Length == 0 ? "–" : $"{Ratio(ratios.Min())}–{Ratio(ratios.Max())}";
    }

    private static string Spread(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? "–"
            : string.Create(Inv, $"{Median(sorted)!.Value.TotalMilliseconds:0} ms ({sorted[0].TotalMilliseconds:0}–{sorted[^1].TotalMilliseconds:0})");
    }

    private static string Triple(Percentiles p) => $"{Ms(p.P50)} / {Ms(p.P95)} / {Ms(p.P99)}";

    /// <summary>
    /// The generator shares the two cores with the host, so a turn's cost to the machine is the host's CPU plus the
    /// generator's (bigger replies cost it more to read); what is left of 2 cores × the wall time is waiting.
    /// </summary>
    private static void AppendMachineCost(StringBuilder md, IReadOnlyList<CompareRow> rows, IReadOnlyList<HostFigures> hosts)
    {
        md.AppendLine().AppendLine(Inv, $"CPU per turn, host and load generator (both on the same {Environment.ProcessorCount} cores), the reply body the generator parses, and what the host wrote to files (/proc wchar: SQLite's WAL frames of 4,120 bytes and its checkpoints):").AppendLine();
        md.AppendLine("| Concurrency | host | host CPU ms/turn | generator CPU ms/turn | both | cores idle, ms/turn | reply bytes/turn | host file bytes written/turn |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Hosts.Count; i++)
            {
                var h = row.Hosts[i];
                var both = h.CpuMsPerTurn + h.GeneratorCpuMsPerTurn;
                var idle = Environment.ProcessorCount * 1000 / h.TurnsPerSecond - both;
                md.AppendLine(Inv, $"| {row.Concurrency} | {hosts[i].Server.Target.Name} | {Ms(h.CpuMsPerTurn)} | {Ms(h.GeneratorCpuMsPerTurn)} | {Ms(both)} | {Ms(idle)} | {h.ResponseBytesPerTurn:0} | {h.WrittenBytesPerTurn:0} |");
            }
        }
    }

    /// <summary>With --baseline-dll: the product build against the other one, rotated in the same rounds.</summary>
    private static void AppendBaseline(StringBuilder md, IReadOnlyList<CompareRow> rows, IReadOnlyList<HostFigures> hosts)
    {
        if (hosts.Count < 4)
        {
            return;
        }

        md.AppendLine().AppendLine("Before/after in the same rounds (`--baseline-dll`: AwarenessBot-before):").AppendLine();
        md.AppendLine("| Concurrency | before turns/s | after turns/s | after ÷ before (per-round range) | before / after p99 ms | before / after host CPU ms/turn |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var before = row.Baseline!;
            md.AppendLine(Inv,
                $"| {row.Concurrency} | {Rates(before)} | {Rates(row.Product)} | **{Ratio(row.Product.TurnsPerSecond / before.TurnsPerSecond)}** ({RoundRange(row.Product, before)}) | {Ms(before.Latency.P99)} / {Ms(row.Product.Latency.P99)} | {Ms(before.CpuMsPerTurn)} / {Ms(row.Product.CpuMsPerTurn)} |");
        }
    }

    private static void AppendErrors(StringBuilder md, IReadOnlyList<CompareRow> rows, IReadOnlyList<HostFigures> hosts)
    {
        if (rows.All(r => r.Hosts.All(h => h.Errors == 0)))
        {
            return;
        }

        md.AppendLine().AppendLine("| Concurrency | host | non-2xx | empty replies | failed requests |").AppendLine("|---:|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Hosts.Count; i++)
            {
                var h = row.Hosts[i];
                md.AppendLine(Inv, $"| {row.Concurrency} | {hosts[i].Server.Target.Name} | {h.HttpErrors} | {h.EmptyReplies} | {h.Failures} |");
            }
        }
    }

    private static void AppendSteps(StringBuilder md, IReadOnlyList<CompareRow> rows)
    {
        var row = rows.FirstOrDefault(r => r.Concurrency == 32) ?? rows[0];
        md.AppendLine().AppendLine(Inv, $"AwarenessBot latency per script step at concurrency {row.Concurrency}:").AppendLine();
        md.AppendLine("| step | turns | p50 ms | p95 ms | p99 ms | max ms |").AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var step = 0; step < RunResult.StepNames.Count; step++)
        {
            var p = row.Product.Step(step);
            md.AppendLine(Inv, $"| {RunResult.StepNames[step]} | {p.Count} | {Ms(p.P50)} | {Ms(p.P95)} | {Ms(p.P99)} | {Ms(p.Max)} |");
        }
    }

    private static void AppendTargets(StringBuilder md, IReadOnlyList<CompareRow> rows, IReadOnlyList<HostFigures> hosts)
    {
        md.AppendLine().AppendLine("Issue 17's targets:").AppendLine();
        if (rows.FirstOrDefault(r => r.Concurrency == 32) is not { } row)
        {
            md.AppendLine("- throughput and p99 at 32 concurrent conversations: not measured in this run (no `--concurrency 32`).");
        }
        else
        {
            var vsMemory = row.Product.TurnsPerSecond / row.MemoryEcho.TurnsPerSecond;
            var vsSqlite = row.Product.TurnsPerSecond / row.SqliteEcho.TurnsPerSecond;
            var p99 = row.Product.Latency.P99 / row.MemoryEcho.Latency.P99;
            md.AppendLine(Inv, $"- throughput at 32: {Ratio(vsMemory)} the in-memory echo (≥ {ThroughputVsMemoryEcho:0.00}×): **{Verdict(vsMemory >= ThroughputVsMemoryEcho)}**");
            md.AppendLine(Inv, $"- throughput at 32: {Ratio(vsSqlite)} the SQLite echo (≥ {ThroughputVsSqliteEcho:0.00}×): **{Verdict(vsSqlite >= ThroughputVsSqliteEcho)}**");
            md.AppendLine(Inv, $"- p99 at 32: {Ratio(p99)} the in-memory echo's (≤ {P99VsMemoryEcho:0.00}×): **{Verdict(p99 <= P99VsMemoryEcho)}**");
        }

        foreach (var host in hosts)
        {
            var median = Median(host.Startups.Select(s => s.FirstHttp));
            var turn = Median(host.Startups.Where(s => s.FirstTurn is not null).Select(s => s.FirstTurn!.Value));
            var cpu = Median(host.Startups.Select(s => s.CpuToFirstHttp));
            var verdict = host.Server.Target.Name == Hosting.HostTarget.ProductName && median is { } m
                ? $": **{Verdict(m <= FirstAnswer)}** (≤ {FirstAnswer.TotalMilliseconds:0} ms)"
                : "";
            md.AppendLine(Inv, $"- start-up of {host.Server.Target.Name}: first HTTP answer {median?.TotalMilliseconds:0} ms (CPU {cpu?.TotalMilliseconds:0} ms), first turn {turn?.TotalMilliseconds:0} ms (medians){verdict}");
        }
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
