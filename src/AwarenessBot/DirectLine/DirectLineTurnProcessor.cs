using System.Collections.Concurrent;
using AwarenessBot.BotFramework;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Runs each conversation's turns, one at a time and in order on this instance, through the host's own adapter and bot
/// (the same middleware, error handler and state as /api/messages). Replies are collected with delivery mode
/// expectReplies, so nothing goes out over HTTP and no Microsoft app id is needed; they are then appended to the
/// conversation's log in the shared store, where a stream on any instance picks them up.
/// </summary>
internal sealed class DirectLineTurnProcessor(
    BufferedTurn turns,
    IWebChannelStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineTurnProcessor> logger)
{
    public const string ChannelId = "webchat";

    private static readonly HashSet<string> ForwardedReplyTypes =
        new([ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.EndOfConversation], StringComparer.OrdinalIgnoreCase);

    private readonly DirectLineOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, DirectLineTurnQueue> _queues = new(StringComparer.Ordinal);

    public ChannelAccount Bot => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    /// <summary>
    /// Tells the bot the user joined, so the bot greets first — once per conversation, whichever instance is asked
    /// first; true when this call started it. The page's start context rides on that conversationUpdate: its language
    /// as the locale, a lesson link as channelData.
    /// </summary>
    public async Task<bool> EnsureStartedAsync(
        WebConversation conversation, string serviceUrl, CancellationToken cancellationToken, object? channelData = null, string? locale = null)
    {
        if (conversation.Started || !await store.TryMarkStartedAsync(conversation.Id, cancellationToken))
        {
            return false;
        }

        var user = User(conversation.UserId);
        Enqueue(conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = conversation.Id + "|start",
            MembersAdded = [user],
            From = user,
            ServiceUrl = serviceUrl,
            ChannelData = channelData,
            Locale = locale,
        });
        return true;
    }

    public static ChannelAccount User(WebConversation conversation) => User(conversation.UserId);

    private static ChannelAccount User(string userId) => new(userId, role: RoleTypes.User);

    /// <summary>Appends a user's activity to the log, giving it its id and timestamp; false when the conversation is gone.</summary>
    public async Task<bool> AppendAsync(WebConversation conversation, Activity activity, CancellationToken cancellationToken) =>
        await AppendAsync(conversation.Id, activity, cancellationToken) is not null;

    public void Enqueue(WebConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = Bot;
        while (true)
        {
            var now = time.GetUtcNow();
            var queue = _queues.GetOrAdd(conversation.Id, static (id, c) => new DirectLineTurnQueue(id, c.conversation.UserId, c.now), (conversation, now));
            if (queue.TryWrite(activity, now))
            {
                if (queue.TryClaimRunner())
                {
                    _ = Task.Run(() => RunQueueAsync(queue, lifetime.ApplicationStopping));
                }

                return;
            }

            // Swept a moment ago: make way for a fresh queue.
            _queues.TryRemove(new KeyValuePair<string, DirectLineTurnQueue>(conversation.Id, queue));
        }
    }

    /// <summary>Closes the queues of conversations this instance has not served for the idle timeout; returns how many.</summary>
    public int SweepIdleQueues()
    {
        var now = time.GetUtcNow();
        var swept = 0;
        foreach (var queue in _queues.Values)
        {
            if (now - queue.LastUsed >= _options.ConversationIdleTimeout
                && _queues.TryRemove(new KeyValuePair<string, DirectLineTurnQueue>(queue.ConversationId, queue)))
            {
                queue.Close();
                swept++;
            }
        }

        return swept;
    }

    private async Task RunQueueAsync(DirectLineTurnQueue queue, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var activity in queue.Turns.ReadAllAsync(cancellationToken))
            {
                await RunTurnAsync(queue, activity, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunTurnAsync(DirectLineTurnQueue queue, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var reply in await turns.RunAsync(activity, cancellationToken).ConfigureAwait(false))
            {
                if (reply.Type is not null && ForwardedReplyTypes.Contains(reply.Type))
                {
                    reply.ChannelId = ChannelId;
                    reply.Conversation = new ConversationAccount(id: queue.ConversationId);
                    reply.From = Bot;
                    reply.Recipient = User(queue.UserId);
                    reply.DeliveryMode = null;
                    await AppendAsync(queue.ConversationId, reply, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Exception type only: a message could be a disclosure and must never reach a log.
            logger.LogError("Direct Line turn failed ({ActivityType}): {ExceptionType}", activity.Type, exception.GetType().FullName);
        }
    }

    /// <summary>The store numbers the activity; its id (<c>{conversation}|{sequence}</c>) and timestamp go into its JSON.</summary>
    private Task<long?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        store.AppendAsync(
            conversationId,
            (sequence, timestamp) =>
            {
                activity.Id = FormattableString.Invariant($"{conversationId}|{sequence:D7}");
                activity.Timestamp = timestamp;
                return DirectLineJson.Serialize(activity);
            },
            cancellationToken);
}
