using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>Sweeps idle conversations out of memory so that a chat nobody returns to does not linger.</summary>
internal sealed class DirectLineEvictionService(
    DirectLineConversationStore store,
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
                var evicted = store.EvictIdle();
                if (evicted > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Forgot {Evicted} idle Direct Line conversations; {Open} open", evicted, store.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
