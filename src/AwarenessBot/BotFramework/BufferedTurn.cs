using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// Runs one turn for a channel the host serves itself (built-in Direct Line, Twilio SMS, WhatsApp) and hands back the
/// replies instead of posting them. CloudAdapter has no public "process this activity" for an identity (BotAdapter's
/// overload throws NotImplementedException), so the turn runs through the public ContinueConversationAsync, which runs
/// the full middleware pipeline and error handler on the activity as given; with expectReplies the turn context
/// buffers the replies. No token is ever requested: nothing is sent.
/// </summary>
internal sealed class BufferedTurn(IServiceScopeFactory scopes, IConfiguration configuration)
{
    /// <summary>The replies of every type the turn produced, in order.</summary>
    public async Task<IReadOnlyList<Activity>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        await using var scope = scopes.CreateAsyncScope();
        var adapter = scope.ServiceProvider.GetRequiredService<CloudAdapter>();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        TurnContext? turn = null;
        await adapter.ContinueConversationAsync(Identity(), activity, (context, token) =>
        {
            turn = context as TurnContext;
            return bot.OnTurnAsync(context, token);
        }, cancellationToken);

        return [.. turn?.BufferedReplyActivities ?? []];
    }

    /// <summary>The bot's own identity (its app id as audience), or an anonymous one in local mode.</summary>
    private ClaimsIdentity Identity()
    {
        var appId = configuration["MicrosoftAppId"];
        return string.IsNullOrEmpty(appId)
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)]);
    }
}
