using AwarenessBot.BotFramework;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Channels;

/// <summary>
/// Runs one provider message (Twilio SMS, WhatsApp) as a turn through the host's own CloudAdapter and bot: the same
/// middleware (text analysis and triage first), error handler, engine, state and analytics as /api/messages. Replies
/// are buffered with delivery mode expectReplies, so nothing is posted to a Bot Connector and no app id is needed;
/// the channel then delivers them itself (TwiML, Graph API). Turns of one conversation run one at a time, in order.
/// </summary>
internal sealed class ChannelTurnRunner(BufferedTurn turns, ILogger<ChannelTurnRunner> logger)
{
    /// <summary>The bot's account on provider channels (the provider knows it by phone number; nothing else needs it).</summary>
    public static readonly ChannelAccount BotAccount = new("awarenessbot", "AwarenessBot", RoleTypes.Bot);

    /// <summary>Striped locks: bounded memory, and two messages of one conversation never run at once.</summary>
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>A message activity for the bot; ids are the hashed provider ids (see <see cref="ProviderIds"/>).</summary>
    public static Activity Message(string channelId, string conversationId, string userId, string? text, string activityId, DateTimeOffset timestamp) => new()
    {
        Type = ActivityTypes.Message,
        Id = activityId,
        ChannelId = channelId,
        ServiceUrl = "https://" + channelId + ".invalid/",
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(userId, role: RoleTypes.User),
        Recipient = BotAccount,
        Text = text,
        Timestamp = timestamp,
        TextFormat = TextFormatTypes.Plain,
    };

    /// <summary>Runs the turn and returns the bot's message replies, in order (an error reply if the turn failed).</summary>
    public async Task<IReadOnlyList<Activity>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(activity.Conversation.Id) % (uint)_locks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var replies = await turns.RunAsync(activity, cancellationToken);
            return [.. replies.Where(reply => reply.Type == ActivityTypes.Message)];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Channel and exception type only: the message may be a disclosure and must never reach a log.
            logger.LogError("Turn on channel {ChannelId} failed before the bot could answer: {ExceptionType}", activity.ChannelId, exception.GetType().FullName);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }
}
