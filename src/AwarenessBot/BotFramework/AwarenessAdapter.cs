using AwarenessBot.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// CloudAdapter with the error handling a sensitive-topic bot needs, for what fails around the turn runner (which
/// answers its own failures): the same <see cref="TurnFailure"/> logs, clears the conversation's state and gives the
/// safe reply. A subclass (not a factory lambda) because CloudAdapter's public constructors are ambiguous for
/// dependency injection.
/// </summary>
internal sealed class AwarenessAdapter : CloudAdapter
{
    public AwarenessAdapter(BotFrameworkAuthentication authentication, TurnFailure failure, ILogger<AwarenessAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            var replies = await failure.HandleAsync(activity.ChannelId, activity.Conversation?.Id, activity.Type, exception).ConfigureAwait(false);
            if (replies.Count > 0 && !turnContext.Responded)
            {
                await turnContext.SendActivitiesAsync([.. replies.Select(OutgoingActivity.From)]).ConfigureAwait(false);
            }
        };
    }

    /// <summary>
    /// Authenticates and runs one activity the endpoint has already read and checked: the part of
    /// <c>ProcessAsync</c> after it parses the body (the SDK keeps this overload protected), so the body is parsed once.
    /// </summary>
    public Task<InvokeResponse> ProcessCheckedActivityAsync(string authHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken);
    }
}
