using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Analytics;

/// <summary>Moves buffered events to the backend in batches; drains what is left on shutdown.</summary>
internal sealed partial class AnalyticsWriter(
    ChannelAnalyticsSink sink, IAnalyticsStore store, AnalyticsCounters counters, ILogger<AnalyticsWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;

    /// <summary>
    /// Events gather for this long between writes: one transaction per second instead of one per turn keeps the
    /// analytics writer from competing with conversation state for SQLite's single write lock.
    /// </summary>
    private static readonly TimeSpan FlushPause = TimeSpan.FromSeconds(1);

    /// <summary>Writes everything currently buffered; returns how many events were written.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        var batch = new List<AnalyticsEvent>(BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && sink.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                return written;
            }

            try
            {
                await store.AppendAsync(batch, cancellationToken);
                written += batch.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                counters.FailWrites(batch.Count);
                LogWriteFailed(batch.Count, ex.GetType().Name);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await sink.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(stoppingToken);
                await Task.Delay(FlushPause, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: flush below
        }

        await DrainAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics batch of {Count} events not written: {ExceptionType}")]
    private partial void LogWriteFailed(int count, string exceptionType);
}
