using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// With a Microsoft app id, replies go only where the validated token allows: a Bot Connector token names the
/// channel's <c>serviceurl</c> and the activity must carry exactly that one (the SDK checks this for channel tokens;
/// this checks it again for every token kind); a token without the claim (the Emulator's) may only reply to this
/// machine. Anything else is refused (401) before the bot runs or sends. Anonymous traffic is judged by
/// <see cref="AnonymousMode"/> instead. Everything else is the SDK's own authentication, unchanged, except that Bot
/// Connector clients are kept per identity, serviceUrl and audience (<see cref="CachedConnectorFactory"/>), and user
/// token clients per identity (<see cref="SharedUserTokenClient"/>).
/// </summary>
internal sealed class ServiceUrlGuard(
    BotFrameworkAuthentication inner, SharedClientCache<IConnectorClient> connectors, SharedClientCache<UserTokenClient> userTokens) : BotFrameworkAuthentication
{
    public const string InnerKey = "sdk";

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        if (result.ClaimsIdentity is { IsAuthenticated: true } identity && !Allows(identity, activity.ServiceUrl))
        {
            throw new UnauthorizedAccessException("The activity's serviceUrl is not the one its token was issued for.");
        }

        // The turn builds its connector client from the factory authentication hands back, not from
        // CreateConnectorFactory: that one is kept too.
        return Kept(result);
    }

    public static bool Allows(ClaimsIdentity identity, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var claimed = identity.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value;
        return claimed is null
            ? AnonymousMode.IsLoopback(serviceUrl)
            : string.Equals(Normalize(claimed), Normalize(serviceUrl), StringComparison.OrdinalIgnoreCase);
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        return Kept(result);
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new CachedConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), CachedConnectorFactory.IdentityKey(claimsIdentity), connectors);

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var (client, shared) = await userTokens.GetOrAddAsync(
            CachedConnectorFactory.IdentityKey(claimsIdentity),
            () => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)).ConfigureAwait(false);
        return shared ? new SharedUserTokenClient(client) : client;
    }

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Kept(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not CachedConnectorFactory)
        {
            result.ConnectorFactory = new CachedConnectorFactory(factory, CachedConnectorFactory.IdentityKey(result.ClaimsIdentity), connectors);
        }

        return result;
    }

    private static string Normalize(string? url) => (url ?? string.Empty).TrimEnd('/');
}
