using AwarenessBot.BotFramework;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Runs each conversation's turns, one at a time and in order, through the host's own adapter and bot (the same
/// middleware, error handler and state as /api/messages). Replies are collected with delivery mode expectReplies, so
/// nothing goes out over HTTP and no Microsoft app id is needed; they are then added to the conversation.
/// </summary>
internal sealed class DirectLineTurnProcessor(
    BufferedTurn turns,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineTurnProcessor> logger)
{
    public const string ChannelId = "webchat";

    private static readonly HashSet<string> ForwardedReplyTypes =
        new([ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.EndOfConversation], StringComparer.OrdinalIgnoreCase);

    private readonly DirectLineOptions _options = options.Value;

    public ChannelAccount Bot => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    /// <summary>
    /// Starts the conversation's turn queue once and tells the bot the user joined, so the bot greets first; the
    /// page's start context rides on that conversationUpdate: its language as the locale, a lesson link as channelData.
    /// </summary>
    public void EnsureStarted(DirectLineConversation conversation, string serviceUrl, object? channelData = null, string? locale = null)
    {
        if (!conversation.TryMarkStarted())
        {
            return;
        }

        _ = Task.Run(() => RunQueueAsync(conversation, lifetime.ApplicationStopping));
        var user = User(conversation);
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
    }

    public static ChannelAccount User(DirectLineConversation conversation) => new(conversation.UserId, role: RoleTypes.User);

    public void Enqueue(DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = Bot;
        conversation.Turns.Writer.TryWrite(activity);
    }

    private async Task RunQueueAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var activity in conversation.Turns.Reader.ReadAllAsync(cancellationToken))
            {
                await RunTurnAsync(conversation, activity, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var reply in await turns.RunAsync(activity, cancellationToken).ConfigureAwait(false))
            {
                if (reply.Type is not null && ForwardedReplyTypes.Contains(reply.Type))
                {
                    AddReply(conversation, reply);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Exception type only: a message could be a disclosure and must never reach a log.
            logger.LogError("Direct Line turn failed ({ActivityType}): {ExceptionType}", activity.Type, exception.GetType().FullName);
        }
    }

    private void AddReply(DirectLineConversation conversation, Activity reply)
    {
        reply.ChannelId = ChannelId;
        reply.Conversation = new ConversationAccount(id: conversation.Id);
        reply.From = Bot;
        reply.Recipient = User(conversation);
        reply.DeliveryMode = null;
        conversation.Append(reply, time.GetUtcNow(), DirectLineJson.Serialize);
    }

}
