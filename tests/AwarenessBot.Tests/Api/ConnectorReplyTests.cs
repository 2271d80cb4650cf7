using System.Net;
using System.Net.Http.Json;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Api;

/// <summary>Without expectReplies, replies go to the channel's serviceUrl, as on Azure Bot Service channels.</summary>
public sealed class ConnectorReplyTests : IClassFixture<BotHostFactory>
{
    private readonly BotHostFactory _factory;

    public ConnectorReplyTests(BotHostFactory factory) => _factory = factory;

    [Fact]
    public async Task A_reply_is_posted_to_the_service_url_of_the_incoming_activity()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var client = _factory.CreateClient();
        var activity = ActivityJson.Message("hello", "connector-conv", expectReplies: false, serviceUrl: connector.ServiceUrl);

        using var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"status {response.StatusCode}");
        Assert.True(await connector.WaitForAsync(1, TimeSpan.FromSeconds(10)), "no reply reached the fake connector");
        var (path, reply) = connector.Received.First();
        Assert.StartsWith("/v3/conversations/connector-conv/activities/", path, StringComparison.Ordinal);
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Equal(activity["id"]!.GetValue<string>(), reply["replyToId"]!.GetValue<string>());
    }
}
