using LoadGenerator.Cli;
using LoadGenerator.Hosting;
using LoadGenerator.Load;
using LoadGenerator.Reporting;

namespace LoadGenerator.Modes;

/// <summary>
/// Issue 17's comparison in one run: the echo floor on in-memory state, the echo floor on the product's SQLite
/// storage, and AwarenessBot. First each host is started alone --startups times (rotating the order) for its start-up
/// figures; then all three are up and measured in rounds whose order rotates (A B C, B C A, C A B, …), so drift on a
/// shared machine hits every host alike.
/// </summary>
internal static class CompareMode
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        List<HostTarget> targets =
        [
            HostTarget.MemoryEcho(options.FloorDll, options.FloorEnv),
            HostTarget.SqliteEcho(options.FloorDll, options.FloorEnv),
            HostTarget.Product(options.ProductDll, options.ProductEnv),
        ];
        if (options.BaselineDll is not null)
        {
            targets.Add(HostTarget.Baseline(options.BaselineDll, options.ProductEnv));
        }

        var startups = targets.ToDictionary(t => t.Name, _ => new List<StartupSample>());
        for (var start = 0; start < options.Startups; start++)
        {
            foreach (var target in Rotate(targets, start))
            {
                var sample = await HostRuns.SampleStartupAsync(target, options, cancellationToken);
                startups[target.Name].Add(sample);
                Console.WriteLine($"  start-up {target.Name,-12} first HTTP {sample.FirstHttp.TotalMilliseconds,6:0} ms (CPU {sample.CpuToFirstHttp.TotalMilliseconds,6:0} ms), first turn {sample.FirstTurn?.TotalMilliseconds ?? double.NaN,6:0} ms");
            }
        }

        var servers = new List<ServerProcess>();
        try
        {
            foreach (var target in targets)
            {
                var server = await HostRuns.StartAsync(target, options, cancellationToken);
                servers.Add(server);
                startups[target.Name].Add(StartupSample.Of(server));
            }

            var rows = new List<CompareRow>();
            foreach (var concurrency in options.Concurrency)
            {
                var rounds = servers.ToDictionary(s => s, _ => new List<RunResult>());
                for (var round = 1; round <= options.Rounds; round++)
                {
                    Console.WriteLine($"Concurrency {concurrency}, round {round}/{options.Rounds}");
                    foreach (var server in Rotate(servers, round - 1))
                    {
                        rounds[server].Add(await HostRuns.MeasureAsync(server, concurrency, options, cancellationToken));
                    }
                }

                rows.Add(new CompareRow(concurrency, [.. servers.Select(s => new Aggregate(rounds[s]))]));
            }

            var hosts = servers.Select(s => new HostFigures(s, s.Sample(), startups[s.Target.Name])).ToList();
            var report = CompareReport.Render(options, rows, hosts);
            ReportWriter.Publish(report, "latest", options.Output);
            var errors = rows.Sum(r => r.Hosts.Sum(h => h.Errors));
            var noTurns = rows.Any(r => r.Hosts.Any(h => h.Turns == 0));
            return options.FailOnErrors && (errors > 0 || noTurns) ? 1 : 0;
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static IEnumerable<T> Rotate<T>(IReadOnlyList<T> items, int by) =>
        Enumerable.Range(0, items.Count).Select(i => items[(i + by) % items.Count]);
}

/// <summary>One concurrency: the hosts' aggregates in the order echo-memory, echo-sqlite, AwarenessBot (, AwarenessBot-before).</summary>
internal sealed record CompareRow(int Concurrency, IReadOnlyList<Aggregate> Hosts)
{
    public Aggregate? Baseline => Hosts.Count > 3 ? Hosts[3] : null;

    public Aggregate MemoryEcho => Hosts[0];

    public Aggregate SqliteEcho => Hosts[1];

    public Aggregate Product => Hosts[2];
}

/// <param name="FirstHttp">Process start → first HTTP answer (<c>/healthz</c>).</param>
/// <param name="CpuToFirstHttp">CPU the host used until then (all threads).</param>
/// <param name="FirstTurn">Process start → the greeting turn answered (null when it failed).</param>
internal sealed record StartupSample(TimeSpan FirstHttp, TimeSpan CpuToFirstHttp, TimeSpan? FirstTurn)
{
    public static StartupSample Of(ServerProcess server) => new(server.StartupTime, server.StartupCpu, server.FirstTurnTime);
}

internal sealed record HostFigures(ServerProcess Server, ProcessSample End, IReadOnlyList<StartupSample> Startups);
