using System.Globalization;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AwarenessBot.Storage.Postgres;

/// <summary>
/// One LISTEN connection per instance: a NOTIFY from any instance's append (or forget) wakes (or ends) this
/// instance's open streams of that conversation. When the connection drops it reconnects with a growing pause, then
/// wakes every stream once, so whatever was appended meanwhile is read from each stream's own watermark.
/// </summary>
internal sealed class PostgresWebChannelListener(
    PostgresDialect dialect,
    WebChannelSubscribers subscribers,
    IOptions<WebChannelOptions> options,
    TimeProvider time,
    ILogger<PostgresWebChannelListener> logger) : BackgroundService
{
    /// <summary>With no notification for this long the connection is pinged, so a dead one is noticed and replaced.</summary>
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private TimeSpan _retry = FirstRetry;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first LISTEN is in place (tests wait for it before chatting across instances).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(options.Value.Secret))
        {
            logger.LogWarning(
                "Direct Line conversations are shared through PostgreSQL but DirectLine:TokenSecret is empty: tokens and " +
                "sealed activities of this instance are unreadable to any other. Set the same secret on every instance.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Type only: nothing of a conversation is in these exceptions, but the rule is the same everywhere.
                logger.LogWarning("Direct Line change listener lost its PostgreSQL connection ({ExceptionType}); retrying in {Retry}", exception.GetType().FullName, _retry);
                try
                {
                    await Task.Delay(_retry, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                _retry = TimeSpan.FromTicks(Math.Min(_retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresWebChannelStore.NotifyChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Notifications sent while this instance was not listening are lost: every stream reads again.
        subscribers.SignalAll();
        _retry = FirstRetry;
        _listening.TrySetResult();
        while (true)
        {
            if (!await connection.WaitAsync(PingInterval, stoppingToken))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteNonQueryAsync(stoppingToken);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        var parts = notification.Payload.Split(' ');
        if (parts.Length != 3 || !string.Equals(parts[0], dialect.Schema, StringComparison.Ordinal)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return;
        }

        if (sequence == 0)
        {
            subscribers.End(parts[1]);
        }
        else
        {
            subscribers.Signal(parts[1]);
        }
    }
}
