using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Api;

public sealed class BotMessagesEndpointTests : IClassFixture<BotHostFactory>
{
    private readonly BotHostFactory _factory;

    public BotMessagesEndpointTests(BotHostFactory factory) => _factory = factory;

    [Fact]
    public async Task ExpectReplies_returns_the_bot_replies_in_the_response_body()
    {
        using var client = _factory.CreateClient();

        var replies = await ActivityJson.ExchangeAsync(client, ActivityJson.Message("hello", "api-expect-replies"));

        Assert.NotEmpty(replies);
        Assert.All(replies, reply =>
        {
            Assert.Equal("message", reply!["type"]!.GetValue<string>());
            Assert.Equal("api-expect-replies", reply["conversation"]!["id"]!.GetValue<string>());
            Assert.Equal("bot", reply["from"]!["id"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        using var client = _factory.CreateClient();
        using var body = new StringContent("{\"type\": \"message\", ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_is_a_413()
    {
        using var client = _factory.CreateClient();
        var activity = ActivityJson.Message(new string('a', 300 * 1024), "api-oversized");

        using var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        using var client = _factory.CreateClient();

        using var health = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Healthy\"", readiness, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"Healthy\"", readiness, StringComparison.Ordinal);
        Assert.Contains("\"storage\":\"Healthy\"", readiness, StringComparison.Ordinal);
    }
}

/// <summary>With a Microsoft app id configured, only Bot Connector traffic with a valid token gets in.</summary>
public sealed class BotMessagesAuthenticationTests : IClassFixture<BotHostFactory>
{
    private readonly BotHostFactory _factory;

    public BotMessagesAuthenticationTests(BotHostFactory factory) =>
        _factory = factory.WithSetting("MicrosoftAppId", "00000000-0000-0000-0000-000000000001")
            .WithSetting("MicrosoftAppPassword", "not-a-real-secret");

    [Theory]
    [InlineData(null)]
    [InlineData("Basic abc")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task Requests_without_a_valid_token_get_401(string? authorization)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(ActivityJson.Message("hello", "api-auth")),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>The privacy page says what is kept and for how long, in both languages, with the directory's 911.</summary>
public sealed class PrivacyPageTests : IClassFixture<BotHostFactory>
{
    private readonly BotHostFactory _factory;

    public PrivacyPageTests(BotHostFactory factory) => _factory = factory;

    [Fact]
    public async Task Privacy_page_is_bilingual_and_names_retention_and_deletion()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/privacy");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("3 hours", html, StringComparison.Ordinal);
        Assert.Contains("30 days", html, StringComparison.Ordinal);
        Assert.Contains("delete my data", html, StringComparison.Ordinal);
        Assert.Contains("effacer mes données", html, StringComparison.Ordinal);
        Assert.Contains("<strong>911</strong>", html, StringComparison.Ordinal);
        Assert.Contains("5 minutes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "es-title", "borrar mis datos", "3 horas")]
    [InlineData("tl", "tl-title", "burahin ang data ko", "3 oras")]
    public async Task Privacy_page_in_spanish_and_tagalog_comes_first_when_asked_for(string lang, string titleId, string deleteWords, string hours)
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri($"/privacy?lang={lang}", UriKind.Relative));

        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"hreflang=\"{lang}\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(titleId, StringComparison.Ordinal) < html.IndexOf("en-title", StringComparison.Ordinal), "The asked-for section comes first.");
        Assert.Contains(deleteWords, html, StringComparison.Ordinal);
        Assert.Contains(hours, html, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_page_ignores_a_language_it_does_not_have()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/privacy?lang=%22%3E%3Cscript%3E", UriKind.Relative));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("en-title", StringComparison.Ordinal) < html.IndexOf("tl-title", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}
