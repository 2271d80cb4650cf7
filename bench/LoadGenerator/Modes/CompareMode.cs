using LoadGenerator.Cli;
using LoadGenerator.Hosting;
using LoadGenerator.Load;
using LoadGenerator.Reporting;

namespace LoadGenerator.Modes;

/// <summary>
/// Floor and AwarenessBot in the same run, both hosts up, alternating A/B by round (floor first in odd rounds,
/// AwarenessBot first in even ones) so drift on a shared machine hits both alike.
/// </summary>
internal static class CompareMode
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        await using var floor = await HostRuns.StartAsync(HostTarget.Floor(options.FloorDll), options, cancellationToken);
        await using var product = await HostRuns.StartAsync(HostTarget.Product(options.ProductDll), options, cancellationToken);
        var results = new List<(int Concurrency, Aggregate Floor, Aggregate Product)>();
        foreach (var concurrency in options.Concurrency)
        {
            var floorRounds = new List<RunResult>();
            var productRounds = new List<RunResult>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.WriteLine($"Concurrency {concurrency}, round {round}/{options.Rounds}");
                var order = round % 2 == 1 ? new[] { floor, product } : [product, floor];
                foreach (var server in order)
                {
                    var run = await HostRuns.MeasureAsync(server, concurrency, options, cancellationToken);
                    (server == floor ? floorRounds : productRounds).Add(run);
                }
            }

            results.Add((concurrency, new Aggregate(floorRounds), new Aggregate(productRounds)));
        }

        var report = CompareReport.Render(options, results, (floor, floor.Sample()), (product, product.Sample()));
        ReportWriter.Publish(report, "latest", options.Output);
        var errors = results.Sum(r => r.Floor.Errors + r.Product.Errors);
        var noTurns = results.Any(r => r.Floor.Turns == 0 || r.Product.Turns == 0);
        return options.FailOnErrors && (errors > 0 || noTurns) ? 1 : 0;
    }
}
