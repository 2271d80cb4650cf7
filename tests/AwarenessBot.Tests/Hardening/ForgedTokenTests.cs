using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AwarenessBot.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AwarenessBot.Tests.Hardening;

/// <summary>
/// Issue 14, finding 6: forged Bot Connector tokens are 401 (or 503 with a clear body when the signing keys cannot be
/// fetched, as on this offline machine), never 500. The test host cannot reach login.botframework.com.
/// </summary>
public sealed class ForgedTokenTests : IClassFixture<BotHostFactory>
{
    private const string AppId = "00000000-0000-0000-0000-000000000001";
    private readonly BotHostFactory _factory;

    public ForgedTokenTests(BotHostFactory factory) =>
        _factory = factory.WithSetting("MicrosoftAppId", AppId)
            .WithSetting("MicrosoftAppPassword", "not-a-real-secret");

    public static TheoryData<string> Forgeries => new()
    {
        "alg-none",
        "hs256",
        "rs256-bad-signature",
        "rs256-expired",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_401_or_503_with_a_clear_body_and_never_500(string forgery)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(ActivityJson.Message("hello", "forged-" + forgery, channelId: "msteams", expectReplies: false, serviceUrl: "https://smba.trafficmanager.net/amer/")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(forgery));

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable, $"{forgery}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Equal("AuthenticationUnavailable", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        }
    }

    [Theory]
    [InlineData("alg-none")]
    [InlineData("hs256")]
    public async Task A_token_that_is_not_RS256_is_401_without_fetching_keys(string forgery)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(ActivityJson.Message("hello", "forged-fast-" + forgery, channelId: "msteams", expectReplies: false, serviceUrl: "https://smba.trafficmanager.net/amer/")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(forgery));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    private static string Token(string forgery)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = "https://api.botframework.com",
            ["aud"] = AppId,
            ["serviceurl"] = "https://smba.trafficmanager.net/amer/",
        };
        var handler = new JsonWebTokenHandler();
        switch (forgery)
        {
            case "alg-none":
                return handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, Expires = Now.AddHours(1) });
            case "hs256":
                return handler.CreateToken(new SecurityTokenDescriptor
                {
                    Claims = claims,
                    SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))), SecurityAlgorithms.HmacSha256),
                });
            case "rs256-bad-signature":
            case "rs256-expired":
                using (var rsa = RSA.Create(2048))
                {
                    var key = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = "forged-key" };
                    var expired = forgery == "rs256-expired";
                    return handler.CreateToken(new SecurityTokenDescriptor
                    {
                        Claims = claims,
                        NotBefore = expired ? Now.AddHours(-3) : null,
                        IssuedAt = expired ? Now.AddHours(-3) : null,
                        Expires = expired ? Now.AddHours(-2) : Now.AddHours(1),
                        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
                    });
                }

            default:
                return "eyJhbGciOiJSUzI1NiJ9.not-base64!.x";
        }
    }
}
