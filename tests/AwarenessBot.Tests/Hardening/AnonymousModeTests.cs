using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Tests.Limits;
using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AwarenessBot.Tests.Hardening;

/// <summary>Issue 14, finding 2: without an app id, no caller can make the bot POST anywhere (server-side request forgery).</summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task A_remote_caller_cannot_make_the_bot_post_to_a_loopback_service_url()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var factory = new ClientAddressHostFactory();
        using var client = factory.CreateClient();
        var activity = ActivityJson.Message("hello", "ssrf-loopback", expectReplies: false, serviceUrl: connector.ServiceUrl + "internal/admin/");

        using var response = await client.SendAsync(ClientAddressHostFactory.From("198.51.100.23", HttpMethod.Post, "/api/messages", JsonContent.Create(activity)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.False(await connector.WaitForAsync(1, TimeSpan.FromSeconds(1)), "the bot posted to the caller's serviceUrl");
    }

    [Theory]
    [InlineData("http://198.51.100.10/", true)]
    [InlineData("http://198.51.100.10/", false)]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("http://localhost.example.com/", false)]
    [InlineData("http://127.0.0.1.nip.io/", true)]
    public async Task Any_service_url_off_this_machine_is_403_before_anything_is_sent(string serviceUrl, bool expectReplies)
    {
        await using var factory = new BotHostFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", ActivityJson.Message("hello", "ssrf-remote", expectReplies: expectReplies, serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_remote_caller_with_expect_replies_and_a_loopback_service_url_is_answered_in_the_body()
    {
        await using var factory = new ClientAddressHostFactory();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(ClientAddressHostFactory.From("198.51.100.23", HttpMethod.Post, "/api/messages", JsonContent.Create(ActivityJson.Message("hello", "remote-expect"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray());
    }

    [Fact]
    public async Task Start_up_says_loudly_that_the_bot_is_in_anonymous_local_mode()
    {
        var logs = new FakeLogCollector();
        await using var factory = new BotHostFactory();
        await using var host = factory.WithLogCapture(logs);
        using var client = host.CreateClient();

        Assert.Contains(logs.GetSnapshot(), e => e.Level == LogLevel.Warning && e.Message.StartsWith("ANONYMOUS LOCAL MODE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_app_id_there_is_no_anonymous_mode_warning()
    {
        var logs = new FakeLogCollector();
        await using var factory = new BotHostFactory();
        factory.WithSetting("MicrosoftAppId", "00000000-0000-0000-0000-000000000001").WithSetting("MicrosoftAppPassword", "not-a-real-secret");
        await using var host = factory.WithLogCapture(logs);
        using var client = host.CreateClient();

        Assert.NotEmpty(logs.GetSnapshot()); // start-up was captured, so the absence below means something
        Assert.DoesNotContain(logs.GetSnapshot(), e => e.Message.Contains("ANONYMOUS", StringComparison.Ordinal));
    }
}
