using System.Threading.Channels;
using AwarenessBot.Turns;

namespace AwarenessBot.DirectLine;

/// <summary>A queued web turn and where its replies go.</summary>
internal sealed record DirectLineTurn(ChannelTurn Turn, string ServiceUrl);

/// <summary>
/// This instance's turns for one conversation: they wait here and run one at a time, so two fast posts to the same
/// instance never race on conversation state (posts that reach different instances are kept consistent by the state
/// store's compare-and-set and retry). Dropped after an idle period; the next post makes a new one.
/// </summary>
internal sealed class DirectLineTurnQueue(string conversationId, string userId, DateTimeOffset now)
{
    private readonly Channel<DirectLineTurn> _turns = Channel.CreateUnbounded<DirectLineTurn>(new UnboundedChannelOptions { SingleReader = true });
    private long _lastUsedTicks = now.UtcTicks;
    private int _running;

    public string ConversationId { get; } = conversationId;

    public string UserId { get; } = userId;

    public ChannelReader<DirectLineTurn> Turns => _turns.Reader;

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>False when the queue was closed (swept); the caller then makes a new one.</summary>
    public bool TryWrite(DirectLineTurn turn, DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
        return _turns.Writer.TryWrite(turn);
    }

    /// <summary>True exactly once: the caller starts the reader.</summary>
    public bool TryClaimRunner() => Interlocked.Exchange(ref _running, 1) == 0;

    /// <summary>Stops taking turns; those already queued still run.</summary>
    public void Close() => _turns.Writer.TryComplete();
}
