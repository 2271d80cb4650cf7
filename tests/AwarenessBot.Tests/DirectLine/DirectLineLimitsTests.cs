using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AwarenessBot.Tests.DirectLine;

public sealed class DirectLineLimitsTests
{
    [Fact]
    public async Task A_body_over_32_kilobytes_is_413()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        var activity = DirectLineTestClient.Message("hi");
        activity["channelData"]!["padding"] = new string('x', 33 * 1024);

        using var response = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities", conversation.Token, activity.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"invoke\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"locale\":\"<img src=x onerror=alert(9)>\"}")]
    public async Task Malformed_or_unsupported_activities_are_400(string body)
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities", conversation.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
    }

    [Fact]
    public async Task Text_over_2000_characters_is_400()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities", conversation.Token, DirectLineTestClient.Message(new string('a', 2001)).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Posting_faster_than_the_rate_limit_is_429_with_retry_after()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:RateLimitPermits"] = "3", ["DirectLine:RateLimitWindow"] = "00:00:01" };
        await using var host = await DirectLineTestHost.StartAsync(settings: settings);
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        var other = await client.StartAsync();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities", conversation.Token, DirectLineTestClient.Message("hi", $"c{i}").ToJsonString());
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var otherConversation = await client.SendAsync(HttpMethod.Post, $"/conversations/{other.Id}/activities", other.Token, DirectLineTestClient.Message("hi").ToJsonString());
        await Task.Delay(TimeSpan.FromMilliseconds(1_300));
        using var allowedAgain = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities", conversation.Token, DirectLineTestClient.Message("hi").ToJsonString());

        Assert.NotNull(limited);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        limited.Dispose();
        Assert.Equal(HttpStatusCode.OK, otherConversation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowedAgain.StatusCode);
    }

    [Fact]
    public async Task Old_activities_are_dropped_past_the_cap_while_the_watermark_keeps_counting()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerConversation"] = "10", ["DirectLine:RateLimitPermits"] = "100" };
        await using var host = await DirectLineTestHost.StartAsync(settings: settings);
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        string last = string.Empty;
        for (var i = 0; i < 8; i++)
        {
            last = await client.PostAsync(conversation, DirectLineTestClient.Message("hi", $"c{i}"));
        }

        await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == last);
        var (activities, watermark) = await client.GetAsync(conversation);

        // Greeting + 8 messages + 8 replies = 17 activities; the last 10 are kept.
        Assert.Equal(10, activities.Count);
        Assert.Equal("17", watermark);
        Assert.EndsWith("|0000008", (string?)activities[0]!["id"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_conversations_are_refused_with_503_when_the_channel_is_full_of_active_conversations()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "2" };
        await using var host = await DirectLineTestHost.StartAsync(settings: settings);
        var client = new DirectLineTestClient(host.CreateClient());
        await client.StartAsync();
        await client.StartAsync();

        using var third = await client.SendAsync(HttpMethod.Post, "/conversations", token: null, "{}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
    }
}
