using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Channels.WhatsApp;

/// <summary>
/// The webhook answers 200 at once (Meta delivers again when it does not) and the turns run here: a few partitions,
/// one worker each, a conversation always in the same partition, so one person's messages are answered in order.
/// A redelivered message id is dropped. Replies are sent only inside the 24-hour customer-service window that the
/// person's message opened (https://developers.facebook.com/docs/whatsapp/conversation-types#customer-service-window):
/// outside it only approved templates may be sent, and this bot sends none, so a late reply is logged and dropped.
/// </summary>
internal sealed class WhatsAppInbox(
    ChannelTurnRunner runner,
    WhatsAppGraphClient graph,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<WhatsAppInbox> logger) : BackgroundService
{
    public const string ChannelId = "whatsapp-cloud";

    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    private const int Partitions = 4;
    private const int RememberedIds = 10_000;

    private readonly Channel<Job>[] _queues = [.. Enumerable.Range(0, Partitions).Select(_ => Channel.CreateBounded<Job>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    }))];

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>False when the queue is full: the webhook then answers 503 so that Meta delivers the event again.</summary>
    public bool TryEnqueue(WhatsAppInboundMessage message)
    {
        var now = time.GetUtcNow();
        if (!_seen.TryAdd(message.MessageId, now))
        {
            ChannelLog.WhatsAppDuplicate(logger, message.MessageId);
            return true;
        }

        Forget(now);
        var secret = options.Value.AppSecret;
        var job = new Job(
            message,
            ProviderIds.Key(secret, "whatsapp", message.PhoneNumberId, message.WaId),
            ProviderIds.Key(secret, "whatsapp", message.WaId),
            message.Timestamp ?? now);
        var queue = _queues[(int)((uint)StringComparer.Ordinal.GetHashCode(job.ConversationId) % Partitions)];
        if (queue.Writer.TryWrite(job))
        {
            return true;
        }

        _seen.TryRemove(message.MessageId, out _);
        logger.LogWarning("WhatsApp message {MessageId} refused: queue full", message.MessageId);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(queue => Task.Run(() => DrainAsync(queue.Reader, stoppingToken), CancellationToken.None)));

    private async Task DrainAsync(ChannelReader<Job> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in reader.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = 0;
            while (reader.TryRead(out var job))
            {
                left++;
                logger.LogWarning("WhatsApp message {MessageId} not answered: the host stopped", job.Message.MessageId);
            }

            if (left > 0)
            {
                logger.LogWarning("{Count} WhatsApp messages were still waiting when the host stopped", left);
            }
        }
    }

    private async Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var message = job.Message;
        try
        {
            if (message.Text is null)
            {
                // Voice notes, pictures, locations…: the bot reads text only, and says so (the person may be in danger).
                ChannelLog.WhatsAppNoText(logger, message.MessageId, message.Kind);
                if (time.GetUtcNow() < job.ReceivedAt + ServiceWindow)
                {
                    await graph.SendAsync(WhatsAppReplyRenderer.TextOnlyNotice(message.WaId), message.MessageId, cancellationToken);
                }

                return;
            }

            var turn = ChannelTurnRunner.Message(ChannelId, job.ConversationId, job.UserId, message.Text, message.MessageId);
            var replies = await runner.RunAsync(turn, cancellationToken);
            var windowCloses = job.ReceivedAt + ServiceWindow;
            foreach (var payload in replies.Select(reply => WhatsAppReplyRenderer.Message(reply, message.WaId)).OfType<JsonObject>())
            {
                if (time.GetUtcNow() >= windowCloses)
                {
                    logger.LogWarning("WhatsApp reply to message {MessageId} not sent: the 24-hour customer-service window has closed", message.MessageId);
                    return;
                }

                if (!await graph.SendAsync(payload, message.MessageId, cancellationToken))
                {
                    // The rest of this turn would arrive without what came before it (the crisis numbers come first).
                    logger.LogError("WhatsApp replies to message {MessageId} stopped after a failed send", message.MessageId);
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("WhatsApp message {MessageId} not answered: {ExceptionType}", message.MessageId, exception.GetType().FullName);
        }
    }

    /// <summary>Keeps the redelivery memory bounded: ids older than a day (Meta's retries stop well before) go first.</summary>
    private void Forget(DateTimeOffset now)
    {
        if (_seen.Count <= RememberedIds)
        {
            return;
        }

        foreach (var (id, seenAt) in _seen)
        {
            if (now - seenAt > TimeSpan.FromDays(1) || _seen.Count > RememberedIds)
            {
                _seen.TryRemove(id, out _);
            }
        }
    }

    private sealed record Job(WhatsAppInboundMessage Message, string ConversationId, string UserId, DateTimeOffset ReceivedAt);
}
