using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Sweeps idle conversations out of the store (with their activities) so that a chat nobody returns to does not
/// linger, and drops this instance's idle turn queues. Every instance sweeps; on a shared store that is harmless.
/// </summary>
internal sealed class DirectLineEvictionService(
    IWebChannelStore store,
    DirectLineTurnProcessor processor,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineEvictionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A tenth of the idle timeout (at most a minute): a conversation lingers at most that long past its timeout.
        var period = TimeSpan.FromTicks(Math.Min(options.Value.ConversationIdleTimeout.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        processor.SweepIdleQueues();
        try
        {
            var evicted = await store.EvictIdleAsync(stoppingToken);
            if (evicted > 0 && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Forgot {Evicted} idle Direct Line conversations; {Open} open", evicted, await store.CountAsync(stoppingToken));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next tick tries again; a sweeper that stopped would keep chats past their timeout.
            logger.LogWarning("Direct Line sweep failed ({ExceptionType})", exception.GetType().FullName);
        }
    }
}
