using System.Globalization;
using System.Text;
using LoadGenerator.Cli;
using LoadGenerator.Hosting;
using LoadGenerator.Load;
using LoadGenerator.Reporting;
using static LoadGenerator.Reporting.Figures;

namespace LoadGenerator.Modes;

/// <summary>The Markdown table of a compare run: AwarenessBot ÷ floor per concurrency, memory, per-step latency.</summary>
internal static class CompareReport
{
    public static string Render(BenchOptions options, IReadOnlyList<(int Concurrency, Aggregate Floor, Aggregate Product)> rows, (ServerProcess Server, ProcessSample End) floorHost, (ServerProcess Server, ProcessSample End) productHost)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("# AwarenessBot ÷ floor (POST /api/messages, deliveryMode expectReplies)").AppendLine();
        md.AppendLine(inv, $"- Machine: {MachineInfo.Describe()}");
        md.AppendLine(inv, $"- Run: {options.Rounds} rounds × {Durations.Format(options.Duration)} per host and concurrency, A/B alternating; conversations pool = {options.PoolFactor} × concurrency; channel `{options.ChannelId}`; storage `{Environment.GetEnvironmentVariable("Storage__Provider") ?? "host default"}` with data under `{options.DataRoot}`; GC {(options.ServerGc ? "server" : "workstation (DOTNET_gcServer=0)")}; generator on the same cores.");
        if (options.ProductEnv.Count + options.FloorEnv.Count > 0 || options.ProductDll is not null || options.FloorDll is not null)
        {
            md.AppendLine(inv, $"- Experiment: floor = `{options.FloorDll ?? "EchoFloor"}` {string.Join(' ', options.FloorEnv.Select(e => $"`{e.Key}={e.Value}`"))}; AwarenessBot = `{options.ProductDll ?? "AwarenessBot"}` {string.Join(' ', options.ProductEnv.Select(e => $"`{e.Key}={e.Value}`"))}");
        }

        md.AppendLine("- Errors = non-2xx + replies with no message + failed requests.").AppendLine();
        md.AppendLine("| Concurrency | floor turns/s | AwarenessBot turns/s | throughput ratio (≥ 0.60) | floor p50 / p95 / p99 ms | AwarenessBot p50 / p95 / p99 ms | p99 ratio (≤ 2.00) | errors floor / bot | host CPU ms/turn floor / bot |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (concurrency, floor, product) in rows)
        {
            md.AppendLine(inv,
                $"| {concurrency} | {Rate(floor.TurnsPerSecond)} ({Rate(floor.MinRoundRate)}–{Rate(floor.MaxRoundRate)}) | {Rate(product.TurnsPerSecond)} ({Rate(product.MinRoundRate)}–{Rate(product.MaxRoundRate)}) | **{Ratio(product.TurnsPerSecond / floor.TurnsPerSecond)}** | {Triple(floor.Latency)} | {Triple(product.Latency)} | **{Ratio(product.Latency.P99 / floor.Latency.P99)}** | {Int(floor.Errors)} / {Int(product.Errors)} | {Ms(floor.CpuMsPerTurn)} / {Ms(product.CpuMsPerTurn)} |");
        }

        md.AppendLine().AppendLine("| Host | peak working set (VmHWM) | RSS at end | threads at end | start-up to first HTTP answer | log lines written | state storage seen |").AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (server, end) in new[] { floorHost, productHost })
        {
            md.AppendLine(inv, $"| {server.Target.Name} | {MiB(end.PeakKb)} | {MiB(end.RssKb)} | {end.Threads} | {server.StartupTime.TotalMilliseconds:0} ms | {server.LogLines} | {server.StorageSeen} |");
        }

        AppendErrors(md, rows);
        AppendSteps(md, rows);
        AppendBudget(md, rows);
        return md.ToString();
    }

    private static string Triple(Percentiles p) => $"{Ms(p.P50)} / {Ms(p.P95)} / {Ms(p.P99)}";

    private static void AppendErrors(StringBuilder md, IReadOnlyList<(int Concurrency, Aggregate Floor, Aggregate Product)> rows)
    {
        if (rows.All(r => r.Floor.Errors + r.Product.Errors == 0))
        {
            return;
        }

        md.AppendLine().AppendLine("| Concurrency | host | non-2xx | empty replies | failed requests |").AppendLine("|---:|---|---:|---:|---:|");
        foreach (var (concurrency, floor, product) in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {concurrency} | floor | {floor.HttpErrors} | {floor.EmptyReplies} | {floor.Failures} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {concurrency} | AwarenessBot | {product.HttpErrors} | {product.EmptyReplies} | {product.Failures} |");
        }
    }

    private static void AppendSteps(StringBuilder md, IReadOnlyList<(int Concurrency, Aggregate Floor, Aggregate Product)> rows)
    {
        var row = rows.FirstOrDefault(r => r.Concurrency == 32);
        if (row.Product is null)
        {
            row = rows[0];
        }

        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"AwarenessBot latency per script step at concurrency {row.Concurrency}:").AppendLine();
        md.AppendLine("| step | turns | p50 ms | p95 ms | p99 ms | max ms |").AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var step = 0; step < RunResult.StepNames.Count; step++)
        {
            var p = row.Product.Step(step);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {RunResult.StepNames[step]} | {p.Count} | {Ms(p.P50)} | {Ms(p.P95)} | {Ms(p.P99)} | {Ms(p.Max)} |");
        }
    }

    private static void AppendBudget(StringBuilder md, IReadOnlyList<(int Concurrency, Aggregate Floor, Aggregate Product)> rows)
    {
        var row = rows.FirstOrDefault(r => r.Concurrency == 32);
        if (row.Product is null)
        {
            md.AppendLine().AppendLine("Budget (at 32 concurrent conversations): not measured in this run.");
            return;
        }

        var throughput = row.Product.TurnsPerSecond / row.Floor.TurnsPerSecond;
        var p99 = row.Product.Latency.P99 / row.Floor.Latency.P99;
        md.AppendLine().AppendLine("Budget at 32 concurrent conversations:").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- throughput {Ratio(throughput)} of the floor (budget ≥ 0.60×): **{(throughput >= 0.6 ? "met" : "NOT met")}**");
        md.AppendLine(CultureInfo.InvariantCulture, $"- p99 {Ratio(p99)} of the floor's (budget ≤ 2.00×): **{(p99 <= 2.0 ? "met" : "NOT met")}**");
    }
}
