using AwarenessBot.Turns;

namespace AwarenessBot.Tests.Channels;

/// <summary>Counts the turns that reached the turn runner: "no turn ran" is then a number, not a guess.</summary>
internal sealed class TurnCounter
{
    private int _turns;

    public int Turns => Volatile.Read(ref _turns);

    public ITurnRunner Wrap(ITurnRunner inner) => new Counting(this, inner);

    private sealed class Counting(TurnCounter counter, ITurnRunner inner) : ITurnRunner
    {
        public Task<IReadOnlyList<OutgoingMessage>> RunAsync(ChannelTurn turn, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._turns);
            return inner.RunAsync(turn, cancellationToken);
        }
    }
}
