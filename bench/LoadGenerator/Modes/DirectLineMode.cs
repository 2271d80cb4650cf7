using System.Globalization;
using System.Text;
using LoadGenerator.Cli;
using LoadGenerator.DirectLine;
using LoadGenerator.Hosting;
using LoadGenerator.Load;
using LoadGenerator.Reporting;
using static LoadGenerator.Reporting.Figures;

namespace LoadGenerator.Modes;

/// <summary>
/// <c>--directline</c>: the script over the host's built-in Direct Line channel as Web Chat uses it (start a
/// conversation, open the WebSocket, post activities). Reports post → bot reply on the stream, p50/p95/p99.
/// Each simulated person waits --think (default 1.1 s) between messages: a person's pace, and within the channel's
/// per-conversation rate limit (10 posts per 10 s by default).
/// </summary>
internal static class DirectLineMode
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var users = options.Concurrency.Count == 3 && options.Concurrency[0] == 8 ? 8 : options.Concurrency[0];
        var target = HostTarget.ByName(options.Target == "product" ? "product" : options.Target, options.ProductDll, options.FloorDll, options.ProductEnv, options.FloorEnv);
        // Warmed up over /api/messages first (the same bot and adapter), so the first web turns do not pay the JIT.
        await using var server = await HostRuns.StartAsync(target, options, cancellationToken);
        using var http = TurnClient.CreateHttpClient(server.BaseUri);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Duration);
        var recorders = Enumerable.Range(0, users).Select(_ => new LatencyRecorder(Script.ConversationScript.Steps.Count)).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(recorders.Select((recorder, index) => Task.Run(() => PersonAsync(http, index, recorder, options, deadline.Token), CancellationToken.None)));
        var result = new RunResult(target.Name, users, clock.Elapsed, recorders);

        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var messages = Percentiles.Of(Enumerable.Range(1, RunResult.StepNames.Count - 1).SelectMany(result.StepTicks));
        md.AppendLine(inv, $"# Web channel: built-in Direct Line + WebSocket, {users} people, {Durations.Format(options.Duration)}, think time {Durations.Format(options.ThinkTime)}").AppendLine();
        md.AppendLine(inv, $"- Machine: {MachineInfo.Describe()}");
        md.AppendLine(inv, $"- Post → bot reply on the stream (messages): p50 **{Ms(messages.P50)} ms**, p95 **{Ms(messages.P95)} ms**, p99 {Ms(messages.P99)} ms, max {Ms(messages.Max)} ms over {messages.Count} turns");
        md.AppendLine(inv, $"- Errors: non-2xx {result.HttpErrors} (429 = rate limited), no reply within 10 s {result.Failures}").AppendLine();
        md.AppendLine("| step | turns | p50 ms | p95 ms | p99 ms |").AppendLine("|---|---:|---:|---:|---:|");
        for (var step = 0; step < RunResult.StepNames.Count; step++)
        {
            var p = Percentiles.Of(result.StepTicks(step));
            var name = step == 0 ? "greeting (start → first message)" : RunResult.StepNames[step];
            md.AppendLine(inv, $"| {name} | {p.Count} | {Ms(p.P50)} | {Ms(p.P95)} | {Ms(p.P99)} |");
        }

        ReportWriter.Publish(md.ToString(), "directline-latest", options.Output);
        return options.FailOnErrors && (result.Errors > 0 || result.Turns == 0) ? 1 : 0;
    }

    private static async Task PersonAsync(HttpClient http, int index, LatencyRecorder recorder, BenchOptions options, CancellationToken cancellationToken)
    {
        var user = new DirectLineUser(http, index, options.ThinkTime, TimeSpan.FromSeconds(10));
        for (var generation = 0; !cancellationToken.IsCancellationRequested; generation++)
        {
            try
            {
                await user.PlayConversationAsync(recorder, generation, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed connection is a measured error, not a crash.
            catch (Exception)
#pragma warning restore CA1031
            {
                recorder.RecordFailure();
            }
        }
    }
}
