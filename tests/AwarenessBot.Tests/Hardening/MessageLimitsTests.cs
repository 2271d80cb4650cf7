using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwarenessBot.BotFramework;
using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Analytics;
using AwarenessBot.Tests.Support;
using AwarenessBot.Turns;

namespace AwarenessBot.Tests.Hardening;

/// <summary>Issue 14, findings 1 (/api/messages limits) and 5 (channel ids): per conversation and per user, known channels only.</summary>
public sealed class MessageLimitsTests
{
    [Fact]
    public async Task Messages_beyond_the_per_user_limit_are_429_with_retry_after_and_other_users_go_on()
    {
        await using var factory = new BotHostFactory();
        factory.WithSetting("RateLimits:MessagesPerUser", "3");
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // Same user, a new conversation each time: opening conversations does not get around the limit.
            var activity = ActivityJson.Message("hello", $"user-limit-{i}");
            activity["from"]!["id"] = "the-same-user";
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After {response.Headers.RetryAfter}");
                Assert.Equal("TooManyRequests", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
            }
        }

        using var other = await client.PostAsJsonAsync("/api/messages", ActivityJson.Message("hello", "user-limit-other"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Messages_beyond_the_per_conversation_limit_are_429()
    {
        await using var factory = new BotHostFactory();
        factory.WithSetting("RateLimits:MessagesPerConversation", "2");
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var activity = ActivityJson.Message("hello", "conversation-limit");
            activity["from"]!["id"] = $"member-{i}";
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(9)>")]
    [InlineData("someone@example.com")]
    [InlineData("made-up-channel")]
    public async Task An_unknown_channel_id_is_400(string channelId)
    {
        await using var factory = new BotHostFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", ActivityJson.Message("hello", "unknown-channel", channelId: channelId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Analytics_record_an_unknown_channel_as_unknown_never_the_callers_string()
    {
        var sink = new RecordingSink();
        var publisher = new AnalyticsEventPublisher(sink, TimeProvider.System);

        publisher.Publish("session", "<img src=x onerror=alert(9)>", [new EngineEvent(AnalyticsEventNames.SessionStarted, new Dictionary<string, string>())]);
        publisher.Publish("session", "msteams", [new EngineEvent(AnalyticsEventNames.SessionStarted, new Dictionary<string, string>())]);

        Assert.Equal(["unknown", "msteams"], sink.Events.Select(e => e.Dimensions["channel"]));
    }

    private sealed class RecordingSink : IAnalyticsSink
    {
        public List<AnalyticsEvent> Events { get; } = [];

        public void Record(AnalyticsEvent analyticsEvent) => Events.Add(analyticsEvent);
    }
}
