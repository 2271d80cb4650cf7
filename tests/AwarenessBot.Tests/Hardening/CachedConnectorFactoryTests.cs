using System.Security.Claims;
using AwarenessBot.BotFramework;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace AwarenessBot.Tests.Hardening;

/// <summary>
/// Bot Connector clients are built once per bot identity, serviceUrl and audience and shared by later turns; a turn
/// disposing its handle leaves the shared client open; another identity or address gets its own; a failed build is
/// tried again.
/// </summary>
public sealed class CachedConnectorFactoryTests : IDisposable
{
    private const string ChannelUrl = "https://smba.trafficmanager.net/amer/";
    private readonly SharedClientCache<IConnectorClient> _cache = new();
    private readonly CountingFactory _inner = new();

    [Fact]
    public async Task Turns_with_the_same_identity_and_address_share_one_client_that_their_dispose_leaves_open()
    {
        var identity = Identity("bot-app-id");

        using (var first = await Factory(identity).CreateAsync(ChannelUrl, "audience", CancellationToken.None))
        {
            Assert.NotNull(first.Conversations);
        }

        using var second = await Factory(identity).CreateAsync(ChannelUrl, "audience", CancellationToken.None);

        Assert.Equal(1, _inner.Created);
        Assert.Same(_inner.Last!.Conversations, second.Conversations);
        Assert.False(_inner.Last.Disposed);
        Assert.Equal(new Uri(ChannelUrl), second.BaseUri);
    }

    [Fact]
    public async Task Another_identity_address_or_audience_gets_its_own_client()
    {
        await Factory(Identity("bot-app-id")).CreateAsync(ChannelUrl, "audience", CancellationToken.None);
        await Factory(Identity("other-app-id")).CreateAsync(ChannelUrl, "audience", CancellationToken.None);
        await Factory(Identity("bot-app-id")).CreateAsync("https://other.example/", "audience", CancellationToken.None);
        await Factory(Identity("bot-app-id")).CreateAsync(ChannelUrl, "other-audience", CancellationToken.None);

        Assert.Equal(4, _inner.Created);
    }

    [Fact]
    public async Task A_failed_build_is_not_kept()
    {
        _inner.FailNext = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Factory(Identity("bot-app-id")).CreateAsync(ChannelUrl, "audience", CancellationToken.None));

        using var client = await Factory(Identity("bot-app-id")).CreateAsync(ChannelUrl, "audience", CancellationToken.None);

        Assert.Equal(2, _inner.Attempts);
        Assert.NotNull(client.Conversations);
    }

    public void Dispose() => _cache.Dispose();

    private CachedConnectorFactory Factory(ClaimsIdentity identity) => new(_inner, CachedConnectorFactory.IdentityKey(identity), _cache);

    private static ClaimsIdentity Identity(string audience) => new([new Claim(AuthenticationConstants.AudienceClaim, audience)], "Bearer");

    private sealed class CountingFactory : ConnectorFactory
    {
        public int Attempts { get; private set; }

        public int Created { get; private set; }

        public bool FailNext { get; set; }

        public TrackedClient? Last { get; private set; }

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            Attempts++;
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("credentials unavailable");
            }

            Created++;
            Last = new TrackedClient(new Uri(serviceUrl));
            return Task.FromResult<IConnectorClient>(Last);
        }
    }

    private sealed class TrackedClient(Uri baseUri) : ConnectorClient(baseUri, MicrosoftAppCredentials.Empty)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

/// <summary>The user token client a turn gets is a handle: its Dispose leaves the kept client open.</summary>
public sealed class SharedUserTokenClientTests
{
    [Fact]
    public async Task Disposing_the_turns_handle_leaves_the_kept_client_open_and_calls_pass_through()
    {
        using var cache = new SharedClientCache<Microsoft.Bot.Connector.Authentication.UserTokenClient>();
        var created = 0;
        var kept = new TrackedUserTokenClient();
        for (var turn = 0; turn < 2; turn++)
        {
            var (client, shared) = await cache.GetOrAddAsync("identity", () =>
            {
                created++;
                return Task.FromResult<Microsoft.Bot.Connector.Authentication.UserTokenClient>(kept);
            });
            Assert.True(shared);
            using var handle = new SharedUserTokenClient(client);
            Assert.Empty(await handle.GetTokenStatusAsync("user", "emulator", "", CancellationToken.None));
        }

        Assert.Equal(1, created);
        Assert.False(kept.Disposed);
        Assert.Equal(2, kept.Calls);
    }

    private sealed class TrackedUserTokenClient : Microsoft.Bot.Connector.Authentication.UserTokenClient
    {
        public bool Disposed { get; private set; }

        public int Calls { get; private set; }

        public override Task<Microsoft.Bot.Schema.TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Array.Empty<Microsoft.Bot.Schema.TokenStatus>());
        }

        public override Task<Microsoft.Bot.Schema.TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Microsoft.Bot.Schema.SignInResource> GetSignInResourceAsync(string connectionName, Microsoft.Bot.Schema.Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Dictionary<string, Microsoft.Bot.Schema.TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Microsoft.Bot.Schema.TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, Microsoft.Bot.Schema.TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
