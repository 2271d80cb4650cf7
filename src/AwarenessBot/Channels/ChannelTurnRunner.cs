using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.Channels;

/// <summary>
/// Runs one provider message (Twilio SMS, WhatsApp) through the host's turn runner: the same text analysis, engine,
/// state, analytics and error handling as every other channel, with no bot SDK and no app id; the channel then
/// delivers the replies itself (TwiML, Graph API). Turns of one conversation run one at a time, in order.
/// </summary>
internal sealed class ChannelTurnRunner(ITurnRunner runner)
{
    /// <summary>Striped locks: bounded memory, and two messages of one conversation never run at once.</summary>
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>A typed message; ids are the hashed provider ids (see <see cref="ProviderIds"/>).</summary>
    public static ChannelTurn Message(string channelId, string conversationId, string userId, string? text, string activityId) =>
        new(TurnKind.Message, channelId, conversationId, userId, activityId) { Text = text };

    /// <summary>Runs the turn and returns the bot's messages, in order (the safe error reply if the turn failed).</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> RunAsync(ChannelTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(turn.ConversationId) % (uint)_locks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var replies = await runner.RunAsync(turn, cancellationToken);
            return [.. replies.Where(reply => reply.Kind == OutgoingKind.Message)];
        }
        finally
        {
            gate.Release();
        }
    }
}
