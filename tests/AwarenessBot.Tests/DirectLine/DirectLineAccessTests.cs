using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AwarenessBot.Tests.DirectLine;

public sealed class DirectLineAccessTests
{
    [Fact]
    public async Task A_token_for_one_conversation_cannot_read_or_post_to_another()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();

        using var read = await client.SendAsync(HttpMethod.Get, $"/conversations/{theirs.Id}/activities", mine.Token);
        using var post = await client.SendAsync(HttpMethod.Post, $"/conversations/{theirs.Id}/activities", mine.Token, DirectLineTestClient.Message("hi").ToJsonString());
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{theirs.Id}", mine.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_is_401_and_a_forged_one_is_403_with_a_direct_line_error_body()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        using var missing = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", token: null);
        var forgedToken = conversation.Token[..^2] + (conversation.Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        using var forged = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", forgedToken);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var error = (await forged.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("Forbidden", (string?)error["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
    }

    [Fact]
    public async Task An_expired_token_is_403_and_refreshing_in_time_keeps_the_chat_going()
    {
        var time = TestClock.Create();
        await using var host = await DirectLineTestHost.StartAsync(time: time);
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        time.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);
        var refreshed = (string)(await refresh.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        time.Advance(TimeSpan.FromMinutes(15));

        using var withOld = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", conversation.Token);
        using var withNew = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", refreshed);

        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal("TokenExpired", (string?)(await withOld.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task A_conversation_idle_past_the_timeout_is_forgotten_and_polls_get_404()
    {
        var time = TestClock.Create();
        var settings = new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "02:00:00", ["DirectLine:ConversationIdleTimeout"] = "00:30:00" };
        await using var host = await DirectLineTestHost.StartAsync(settings: settings, time: time);
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        time.Advance(TimeSpan.FromMinutes(29));
        using var stillThere = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", conversation.Token);
        time.Advance(TimeSpan.FromMinutes(30));
        using var gone = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Generate_gives_a_token_that_starts_its_conversation_on_first_use()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());

        using var generate = await client.SendAsync(HttpMethod.Post, "/tokens/generate", token: null);
        var generated = (await generate.Content.ReadFromJsonAsync<JsonObject>())!;
        using var start = await client.SendAsync(HttpMethod.Post, "/conversations", (string)generated["token"]!, "{}");
        var started = (await start.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, generate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal((string?)generated["conversationId"], (string?)started["conversationId"]);
        var conversation = new DirectLineTestClient.Conversation((string)started["conversationId"]!, (string)started["token"]!, (string)started["streamUrl"]!, 0);
        await client.WaitForAsync(conversation, a => (string?)a["text"] == ScriptedTurnRunner.Greeting);
    }
}
