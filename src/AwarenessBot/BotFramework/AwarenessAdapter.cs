using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// CloudAdapter with the error handling a sensitive-topic bot needs. A subclass (not a factory lambda) because
/// CloudAdapter's public constructors are ambiguous for dependency injection.
/// </summary>
internal sealed class AwarenessAdapter : CloudAdapter
{
    public AwarenessAdapter(
        BotFrameworkAuthentication authentication,
        ConversationState conversationState,
        IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware,
        ILogger<AwarenessAdapter> logger)
        : base(authentication, logger)
    {
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            // Ids and the exception type only: the message may be a disclosure and must never reach a log.
            logger.LogError(
                "Turn failed on channel {ChannelId}, activity type {ActivityType}: {ExceptionType}",
                turnContext.Activity.ChannelId,
                turnContext.Activity.Type,
                exception.GetType().FullName);

            if (turnContext.Activity.Type == ActivityTypes.Message && !turnContext.Responded)
            {
                await turnContext.SendActivityAsync(SafeErrorMessage.Create(turnContext.Activity.ChannelId)).ConfigureAwait(false);
            }

            // A conversation that broke once could break again on the same state: start it over.
            try
            {
                await conversationState.DeleteAsync(turnContext).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The error handler must never throw: a failed clean-up is logged, not rethrown.
            catch (Exception cleanupError)
#pragma warning restore CA1031
            {
                logger.LogError("Could not clear conversation state after a failed turn: {ExceptionType}", cleanupError.GetType().FullName);
            }
        };
    }
}
