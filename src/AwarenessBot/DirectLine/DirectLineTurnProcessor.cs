using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.WebChannel;
using AwarenessBot.Turns;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Runs each conversation's turns, one at a time and in order on this instance, through the host's turn runner (the
/// same analysis, state, engine and error handling as every other channel; no bot SDK, no outgoing request, no
/// Microsoft app id); the replies are appended to the conversation's log in the shared store, where a stream on any
/// instance picks them up.
/// </summary>
internal sealed class DirectLineTurnProcessor(
    ITurnRunner runner,
    IWebChannelStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineTurnProcessor> logger)
{
    public const string ChannelId = "webchat";

    private readonly DirectLineOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, DirectLineTurnQueue> _queues = new(StringComparer.Ordinal);

    /// <summary>The conversation's participants and this request's service URL, as every kept activity names them.</summary>
    public DirectLineAddress Address(WebConversation conversation, string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new(conversation.Id, conversation.UserId, _options.BotId, _options.BotName, serviceUrl);
    }

    /// <summary>
    /// Tells the bot the user joined, so the bot greets first — once per conversation, whichever instance is asked
    /// first; true when this call started it. The page's start context rides on that turn: its language as the
    /// locale, a lesson link as the lesson.
    /// </summary>
    public async Task<bool> EnsureStartedAsync(
        WebConversation conversation, string serviceUrl, CancellationToken cancellationToken, LessonStart? lesson = null, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Started || !await store.TryMarkStartedAsync(conversation.Id, cancellationToken))
        {
            return false;
        }

        var start = new ChannelTurn(TurnKind.ConversationStart, ChannelId, conversation.Id, conversation.UserId, conversation.Id + "|start")
        {
            Locale = locale,
            Lesson = lesson,
        };
        Enqueue(conversation, new DirectLineTurn(start, serviceUrl));
        return true;
    }

    /// <summary>
    /// Appends a user's activity to the log with the channel's fields, its id and timestamp, and queues its turn (a
    /// message; an event is kept but asks nothing of the bot). Returns its id, or null when the conversation is gone.
    /// </summary>
    public async Task<string?> PostAsync(WebConversation conversation, JsonObject activity, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        var address = Address(conversation, serviceUrl);
        DirectLinePostedActivity.Address(activity, address);
        if (await AppendAsync(conversation.Id, activity, cancellationToken) is null)
        {
            return null;
        }

        var id = DirectLinePostedActivity.String(activity, "id")!;
        if (DirectLinePostedActivity.MessageTurn(activity, address, id) is { } turn)
        {
            Enqueue(conversation, new DirectLineTurn(turn, serviceUrl));
        }

        return id;
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

    private void Enqueue(WebConversation conversation, DirectLineTurn turn)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var queue = _queues.GetOrAdd(conversation.Id, static (id, c) => new DirectLineTurnQueue(id, c.conversation.UserId, c.now), (conversation, now));
            if (queue.TryWrite(turn, now))
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

    private async Task RunQueueAsync(DirectLineTurnQueue queue, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var turn in queue.Turns.ReadAllAsync(cancellationToken))
            {
                await RunTurnAsync(queue, turn, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunTurnAsync(DirectLineTurnQueue queue, DirectLineTurn queued, CancellationToken cancellationToken)
    {
        try
        {
            var address = new DirectLineAddress(queue.ConversationId, queue.UserId, _options.BotId, _options.BotName, queued.ServiceUrl);
            var replyToId = queued.Turn.Kind == TurnKind.Message ? queued.Turn.ActivityId : null;
            foreach (var reply in await runner.RunAsync(queued.Turn, cancellationToken).ConfigureAwait(false))
            {
                await AppendAsync(queue.ConversationId, DirectLineActivityJson.Reply(reply, address, replyToId), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Exception type only: a message could be a disclosure and must never reach a log.
            logger.LogError("Direct Line turn failed ({TurnKind}): {ExceptionType}", queued.Turn.Kind, exception.GetType().FullName);
        }
    }

    /// <summary>The store numbers the activity; its id (<c>{conversation}|{sequence}</c>) and timestamp go into its JSON.</summary>
    private Task<long?> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        store.AppendAsync(conversationId, (sequence, timestamp) => DirectLineActivityJson.Stamp(activity, conversationId, sequence, timestamp), cancellationToken);
}
