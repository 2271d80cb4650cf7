using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The turn's handle on a user token client the host keeps per bot identity (<see cref="SharedClientCache{T}"/>).
/// CloudAdapter builds one for every turn (an OAuth client whose construction parses the same user-agent regex as
/// the connector's: 14 % of the bytes allocated per turn) although this bot signs nobody in. Everything passes
/// through; the turn's Dispose leaves the shared client open.
/// </summary>
internal sealed class SharedUserTokenClient(UserTokenClient shared) : UserTokenClient
{
    public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        shared.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        shared.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        shared.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        shared.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        shared.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        shared.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    /// <summary>Releases this handle only (the base class holds nothing); the shared client is the cache's to dispose.</summary>
    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
