using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace EchoFloor;

/// <summary>CloudAdapter as the samples' AdapterWithErrorHandler registers it (its constructors are ambiguous for DI).</summary>
internal sealed class FloorAdapter : CloudAdapter
{
    public FloorAdapter(BotFrameworkAuthentication authentication, ILogger<FloorAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = (turnContext, exception) =>
        {
            logger.LogError("Floor turn failed: {ExceptionType}", exception.GetType().FullName);
            return turnContext.SendActivityAsync("error");
        };
    }
}
