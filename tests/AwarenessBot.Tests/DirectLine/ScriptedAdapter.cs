using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>A CloudAdapter like the host's: a subclass, with an error handler that answers the user.</summary>
internal sealed class ScriptedAdapter : CloudAdapter
{
    public const string ErrorText = "Sorry, something went wrong.";

    public ScriptedAdapter(BotFrameworkAuthentication authentication)
        : base(authentication)
    {
        OnTurnError = (turnContext, _) => turnContext.SendActivityAsync(ErrorText);
    }
}
