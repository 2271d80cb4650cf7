using AwarenessBot.Storage.ClassResults;
using AwarenessBot.Storage.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Storage.Expiry;

/// <summary>
/// Deletes state rows idle past their TTL, and expired lesson codes with their counts, every
/// <see cref="StorageOptions.SweepInterval"/>.
/// </summary>
internal sealed partial class StateSweeper(
    IStateMaintenance store, IClassResultsStore classResults, StorageOptions options, TimeProvider time, ILogger<StateSweeper> logger) : BackgroundService
{
    /// <summary>One sweep; failures are logged (type only) and the next tick tries again.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await store.DeleteExpiredAsync(cancellationToken);
            var codes = await classResults.DeleteExpiredAsync(cancellationToken);
            if (codes > 0)
            {
                LogCodesSwept(codes);
            }

            if (deleted > 0)
            {
                LogSwept(deleted);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(ex.GetType().Name);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The intervals count from the start, not from the end of the first sweep: started after it, the timer missed
        // any time that passed while that sweep ran (a test's injected clock moved on meanwhile and it never ticked).
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        await SweepOnceAsync(stoppingToken);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host shutting down
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired state rows deleted: {Count}")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired lesson codes deleted: {Count}")]
    private partial void LogCodesSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State sweep failed: {ExceptionType}")]
    private partial void LogSweepFailed(string exceptionType);
}
