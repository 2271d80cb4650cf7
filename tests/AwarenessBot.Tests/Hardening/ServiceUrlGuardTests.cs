using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using AwarenessBot.BotFramework;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AwarenessBot.Tests.Hardening;

/// <summary>
/// Issue 14, finding 2 with an app id: the bot replies only to the serviceUrl its validated token names. The SDK's
/// validation is replaced by a stand-in that accepts the token and returns chosen claims, as a real validation would.
/// </summary>
public sealed class ServiceUrlGuardTests
{
    private const string AppId = "00000000-0000-0000-0000-000000000001";
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/amer/";

    [Theory]
    [InlineData(TeamsServiceUrl)]
    [InlineData(null)]
    public async Task A_valid_token_for_another_service_url_cannot_make_the_bot_post_to_the_activitys_service_url(string? claimedServiceUrl)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var factory = new BotHostFactory();
        factory.WithSetting("MicrosoftAppId", AppId).WithSetting("MicrosoftAppPassword", "not-a-real-secret");
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddKeyedSingleton<BotFrameworkAuthentication>(ServiceUrlGuard.InnerKey, new AcceptingAuthentication(claimedServiceUrl))));
        using var client = host.CreateClient();

        // A loopback serviceUrl is fine for an Emulator token (no claim) only when it IS loopback: use a public one.
        var serviceUrl = claimedServiceUrl is null ? "https://attacker.example/" : connector.ServiceUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(ActivityJson.Message("hello", "guard-" + (claimedServiceUrl is null ? "emulator" : "teams"), channelId: "msteams", expectReplies: false, serviceUrl: serviceUrl)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Rs256Token());

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await connector.WaitForAsync(1, TimeSpan.FromMilliseconds(500)), "the bot posted to a serviceUrl its token does not name");
    }

    [Theory]
    [InlineData(TeamsServiceUrl, TeamsServiceUrl, true)]
    [InlineData(TeamsServiceUrl, "https://smba.trafficmanager.net/amer", true)]
    [InlineData(TeamsServiceUrl, "https://smba.trafficmanager.net/emea/", false)]
    [InlineData(null, "http://localhost:3979/", true)]
    [InlineData(null, "https://example.ngrok.io/", false)]
    public void The_guard_allows_only_the_claimed_service_url_or_loopback_for_a_token_without_the_claim(string? claimed, string serviceUrl, bool allowed)
    {
        var identity = new ClaimsIdentity(claimed is null ? [] : [new Claim(AuthenticationConstants.ServiceUrlClaim, claimed)], "Bearer");

        Assert.Equal(allowed, ServiceUrlGuard.Allows(identity, serviceUrl));
    }

    private static string Rs256Token()
    {
        using var rsa = RSA.Create(2048);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["aud"] = AppId },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)), SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Accepts every request as authenticated, with the given serviceurl claim (or none, like an Emulator token).</summary>
    private sealed class AcceptingAuthentication(string? serviceUrlClaim) : BotFrameworkAuthentication
    {
        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
        {
            var claims = new List<Claim> { new(AuthenticationConstants.AudienceClaim, AppId), new(AuthenticationConstants.AppIdClaim, AppId) };
            if (serviceUrlClaim is not null)
            {
                claims.Add(new Claim(AuthenticationConstants.ServiceUrlClaim, serviceUrlClaim));
            }

            return Task.FromResult(new AuthenticateRequestResult
            {
                ClaimsIdentity = new ClaimsIdentity(claims, "Bearer"),
                Audience = AppId,
                CallerId = null,
                ConnectorFactory = null,
            });
        }

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => throw new NotSupportedException();

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override BotFrameworkClient CreateBotFrameworkClient() => throw new NotSupportedException();

        public override string GetOriginatingAudience() => AppId;

        public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
