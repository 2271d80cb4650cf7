using Microsoft.Bot.Builder;

namespace AwarenessBot.Tests.Channels;

/// <summary>A middleware that counts the turns that reached the adapter: "no turn ran" is then a number, not a guess.</summary>
internal sealed class TurnCounter : Microsoft.Bot.Builder.IMiddleware
{
    private int _turns;

    public int Turns => Volatile.Read(ref _turns);

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _turns);
        return next(cancellationToken);
    }
}
