using AwarenessBot.Turns;
using Microsoft.Bot.Builder;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The thin bot: the incoming Activity becomes the host's turn (<see cref="IncomingActivity"/>), the turn runner runs
/// it (analysis, state, engine, rendering, the safe error reply), and its messages go out as Activities
/// (<see cref="OutgoingActivity"/>). The turn itself has one implementation, shared with the host's own channels.
/// </summary>
internal sealed class AwarenessActivityBot(ITurnRunner runner) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (IncomingActivity.ToTurn(turnContext.Activity) is not { } turn)
        {
            return;
        }

        var messages = await runner.RunAsync(turn, cancellationToken).ConfigureAwait(false);
        if (messages.Count > 0)
        {
            await turnContext.SendActivitiesAsync([.. messages.Select(OutgoingActivity.From)], cancellationToken).ConfigureAwait(false);
        }
    }
}
