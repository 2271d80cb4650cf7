using System.Net;
using System.Text.Json.Nodes;

namespace AwarenessBot.Tests.DirectLine;

public sealed class DirectLineActivityTests
{
    [Fact]
    public async Task Start_returns_201_with_a_token_an_expiry_and_a_websocket_stream_url()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());

        var conversation = await client.StartAsync();

        Assert.False(string.IsNullOrEmpty(conversation.Token));
        Assert.Equal(1800, conversation.ExpiresIn);
        Assert.StartsWith("ws://", conversation.StreamUrl, StringComparison.Ordinal);
        Assert.Contains($"/v3/directline/conversations/{conversation.Id}/stream?t=", conversation.StreamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_greets_first_and_only_once_when_web_chat_starts_again_with_its_token()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        await client.WaitForAsync(conversation, a => (string?)a["text"] == ScriptedTurnRunner.Greeting);

        // Web Chat, given a token, posts to /conversations again: same conversation, 200, no second greeting.
        using var again = await client.SendAsync(HttpMethod.Post, "/conversations", conversation.Token, "{}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await client.PostAsync(conversation, DirectLineTestClient.Message("hello"));
        await client.WaitForAsync(conversation, a => DirectLineTestClient.IsBot(a) && ((string?)a["text"])!.StartsWith("You wrote", StringComparison.Ordinal));

        var (activities, _) = await client.GetAsync(conversation);
        Assert.Single(activities, a => (string?)a!["text"] == ScriptedTurnRunner.Greeting);
        var greeting = activities.First()!.AsObject();
        Assert.Equal("bot", (string?)greeting["from"]!["role"]);
        Assert.NotNull(greeting["suggestedActions"]);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_its_client_activity_id_and_answered_by_the_bot()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        var id = await client.PostAsync(conversation, DirectLineTestClient.Message("hello there", "abc-123"));
        var reply = await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == id);

        var (activities, watermark) = await client.GetAsync(conversation);
        var echo = activities.OfType<JsonObject>().Single(a => (string?)a["id"] == id);
        Assert.Equal("abc-123", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.NotEqual("someone-else", (string?)echo["from"]!["id"]);
        Assert.Equal("webchat", (string?)echo["channelId"]);
        Assert.NotNull(echo["timestamp"]);
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        Assert.Equal("You wrote 11 characters.", (string?)reply["text"]);
        Assert.True(DateTimeOffset.Parse((string)reply["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse((string)echo["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Only what came after the watermark; the watermark is a string that moves forward.
        var (later, laterWatermark) = await client.GetAsync(conversation, watermark);
        Assert.Empty(later);
        Assert.Equal(watermark, laterWatermark);
        Assert.True(long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }

    [Fact]
    public async Task Two_fast_posts_are_answered_one_at_a_time_in_order()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        var posted = await Task.WhenAll(
            client.PostAsync(conversation, DirectLineTestClient.Message("one", "c1")),
            client.PostAsync(conversation, DirectLineTestClient.Message("twotwo", "c2")),
            client.PostAsync(conversation, DirectLineTestClient.Message("three", "c3")));
        var inPostedOrder = posted.Order(StringComparer.Ordinal).ToList();
        await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == inPostedOrder[^1]);

        // Each reply follows its own message and precedes the next one's reply: the turns never overlapped.
        var (activities, _) = await client.GetAsync(conversation);
        var replies = activities.OfType<JsonObject>().Where(a => a["replyToId"] is not null).Select(a => (string)a["replyToId"]!).ToList();
        Assert.Equal(inPostedOrder, replies);
    }

    [Fact]
    public async Task A_failed_turn_is_answered_with_the_runners_error_message()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        var id = await client.PostAsync(conversation, DirectLineTestClient.Message(ScriptedTurnRunner.FailWord));

        var reply = await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == id);
        Assert.Equal(ScriptedTurnRunner.ErrorText, (string?)reply["text"]);
    }

    [Fact]
    public async Task Bot_channel_data_such_as_triage_reaches_the_page()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        var id = await client.PostAsync(conversation, DirectLineTestClient.Message(ScriptedTurnRunner.DangerWord));

        var reply = await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == id);
        Assert.Equal("immediate_danger", (string?)reply["channelData"]!["triage"]!["category"]);
    }

    [Fact]
    public async Task Turns_run_without_outbound_calls_when_a_microsoft_app_id_is_configured()
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555", ["MicrosoftAppPassword"] = "not-a-real-password" };
        await using var host = await DirectLineTestHost.StartAsync(settings: settings);
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        var id = await client.PostAsync(conversation, DirectLineTestClient.Message("hi"));

        var reply = await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == id);
        Assert.Equal("You wrote 2 characters.", (string?)reply["text"]);
    }

    [Fact]
    public async Task Typing_is_acknowledged_but_not_kept()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        await client.WaitForAsync(conversation, DirectLineTestClient.IsBot);

        using var response = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities", conversation.Token, """{"type":"typing"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, _) = await client.GetAsync(conversation);
        Assert.DoesNotContain(activities, a => (string?)a!["type"] == "typing");
    }
}
