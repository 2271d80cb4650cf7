using System.Globalization;
using LoadGenerator.Cli;
using LoadGenerator.Hosting;
using LoadGenerator.Load;
using LoadGenerator.Script;

namespace LoadGenerator.Modes;

/// <summary>Starting hosts, warming them up and measuring one bounded run with the host's CPU time and RSS.</summary>
internal static class HostRuns
{
    public static async Task<ServerProcess> StartAsync(HostTarget target, BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Starting {target.Name}: {target.DllPath}");
        var server = await ServerProcess.StartAsync(target, new ServerSettings(options.ServerGc, options.DataRoot, target.Env), cancellationToken);
        await PlayFirstTurnAsync(server, options.ChannelId, cancellationToken);
        if (options.Warmup > TimeSpan.Zero)
        {
            var warm = await LoadRunner.RunAsync(target.Name, server.BaseUri, 8, options.PoolFactor, options.Warmup, null, options.ChannelId, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  warm-up {Durations.Format(options.Warmup)}: {warm.Turns} turns, {warm.Errors} errors (http {warm.HttpErrors}, empty {warm.EmptyReplies}, failed {warm.Failures})"));
        }

        return server;
    }

    /// <summary>
    /// Starts a host, times its first HTTP answer and its first turn, and stops it: one start-up sample, taken while
    /// no other host of the run is up.
    /// </summary>
    public static async Task<StartupSample> SampleStartupAsync(HostTarget target, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var server = await ServerProcess.StartAsync(target, new ServerSettings(options.ServerGc, options.DataRoot, target.Env), cancellationToken);
        await PlayFirstTurnAsync(server, options.ChannelId, cancellationToken);
        return StartupSample.Of(server);
    }

    /// <summary>The greeting (conversationUpdate) right after the first HTTP answer; its time stays unset if it fails.</summary>
    private static async Task PlayFirstTurnAsync(ServerProcess server, string channelId, CancellationToken cancellationToken)
    {
        using var http = TurnClient.CreateHttpClient(server.BaseUri);
        var outcome = await new TurnClient(http).PlayAsync(new ConversationSlot("startup", 0, channelId), cancellationToken);
        if (outcome.Status == TurnStatus.Ok)
        {
            server.FirstTurnTime = server.SinceLaunch;
        }
    }

    public static async Task<RunResult> MeasureAsync(ServerProcess server, int concurrency, BenchOptions options, CancellationToken cancellationToken)
    {
        var before = server.Sample();
        var result = await LoadRunner.RunAsync(server.Target.Name, server.BaseUri, concurrency, options.PoolFactor, options.Duration, options.MaxTurns, options.ChannelId, cancellationToken);
        var after = server.Sample();
        result.HostCpuSeconds = after.CpuSeconds - before.CpuSeconds;
        result.HostRssKb = after.RssKb;
        result.HostWrittenBytes = before.WrittenBytes < 0 || after.WrittenBytes < 0 ? -1 : after.WrittenBytes - before.WrittenBytes;
        var p = Percentiles.Of(result.AllTicks);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {server.Target.Name,-12} c={concurrency,-4} {result.TurnsPerSecond,8:0} turns/s  p50 {p.P50,6:0.00} ms  p99 {p.P99,7:0.00} ms  CPU ms/turn host {result.HostCpuSeconds * 1000 / Math.Max(1, result.Turns):0.000} gen {result.GeneratorCpuSeconds * 1000 / Math.Max(1, result.Turns):0.000}  written {result.HostWrittenBytes / Math.Max(1.0, result.Turns):0} B/turn  errors {result.Errors} (http {result.HttpErrors}, empty {result.EmptyReplies}, failed {result.Failures})"));
        return result;
    }
}
