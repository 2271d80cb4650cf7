using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using AwarenessBot.DirectLine;
using AwarenessBot.Tests.DirectLine;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// Two instances of the real host on one PostgreSQL database and one token secret, as behind a load balancer without
/// sticky sessions: a web chat started on A goes on over Direct Line on B, polls on either instance see the same
/// conversation, and a WebSocket open on B receives the bot's reply to a message posted on A.
/// </summary>
public sealed class PostgresDirectLineTwoInstanceTests : IAsyncLifetime
{
    private const string TokenSecret = "two-instance-test-secret-0123456789abcdef";
    private readonly string _schema = TestPostgres.NewSchemaName();
    private BotHostFactory? _hostA;
    private BotHostFactory? _hostB;

    public Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is null)
        {
            _hostA = TestHosts.Postgres(_schema).WithSetting("DirectLine:TokenSecret", TokenSecret);
            _hostB = TestHosts.Postgres(_schema).WithSetting("DirectLine:TokenSecret", TokenSecret);
        }

        return Task.CompletedTask;
    }

    [PostgresFact]
    public async Task A_web_chat_moves_between_instances_and_a_stream_on_B_gets_the_reply_to_a_post_on_A()
    {
        var a = new DirectLineTestClient(_hostA!.CreateClient());
        var b = new DirectLineTestClient(_hostB!.CreateClient());

        // Started on A; the greeting A's bot produced is read on B.
        var started = await a.StartAsync();
        await b.WaitForAsync(started, DirectLineTestClient.IsBot);

        // Posted on B; the reply B's bot produced is read on A.
        var postedOnB = await b.PostAsync(started, DirectLineTestClient.Message("hello", "from-b"));
        await a.WaitForAsync(started, activity => (string?)activity["replyToId"] == postedOnB);

        // B re-tokens the conversation (Web Chat's reconnect) and opens the stream from the current watermark; the
        // token B issued works on A.
        var (_, watermark) = await a.GetAsync(started);
        using var reconnect = await b.SendAsync(HttpMethod.Get, $"/conversations/{started.Id}?watermark={watermark}", started.Token);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        var fresh = (await reconnect.Content.ReadFromJsonAsync<JsonObject>())!;
        var conversation = started with { Token = (string)fresh["token"]!, StreamUrl = (string)fresh["streamUrl"]! };
        using var socketOnB = await _hostB.Server.CreateWebSocketClient().ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None);

        var postedOnA = await a.PostAsync(conversation, DirectLineTestClient.Message("help", "from-a"));

        var streamed = new List<JsonObject>();
        while (!streamed.Any(activity => (string?)activity["replyToId"] == postedOnA))
        {
            var frame = await DirectLineStreamTests.ReceiveFrameAsync(socketOnB);
            streamed.AddRange(frame["activities"]!.AsArray().OfType<JsonObject>());
        }

        // Everything after the watermark, in order and without a gap (the end of the previous turn may come first).
        var from = long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(1, streamed.Count).Select(i => from + i), streamed.Select(activity => Sequence((string)activity["id"]!)));
        Assert.Contains(streamed, activity => (string?)activity["id"] == postedOnA && !DirectLineTestClient.IsBot(activity));
        Assert.True(DirectLineTestClient.IsBot(streamed.Last(activity => (string?)activity["replyToId"] == postedOnA)));
        await socketOnB.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        // Both instances hold the same log: same ids in the same order, one greeting only. The turn's last replies may
        // still be arriving between the two polls, so both are read again until they agree (or the deadline passes).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var (onA, watermarkA) = await a.GetAsync(conversation);
        var (onB, watermarkB) = await b.GetAsync(conversation);
        while ((watermarkA != watermarkB || !Ids(onA).SequenceEqual(Ids(onB))) && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(200);
            (onA, watermarkA) = await a.GetAsync(conversation);
            (onB, watermarkB) = await b.GetAsync(conversation);
        }

        Assert.Equal(Ids(onA), Ids(onB));
        Assert.Equal(watermarkA, watermarkB);
        Assert.Contains(postedOnB, Ids(onA));
        Assert.Contains(postedOnA, Ids(onA));
        Assert.Equal(Ids(onA).Order(StringComparer.Ordinal), Ids(onA));
    }

    [PostgresFact]
    public async Task A_conversation_unknown_everywhere_is_404_on_both_instances()
    {
        // A valid signature (the shared secret) for a conversation no instance has.
        var tokens = new DirectLineTokenService(Options.Create(new DirectLineOptions { TokenSecret = TokenSecret }), TimeProvider.System);
        var token = tokens.Issue("never-started-conversation").Token;

        foreach (var host in new[] { _hostA!, _hostB! })
        {
            var client = new DirectLineTestClient(host.CreateClient());
            using var poll = await client.SendAsync(HttpMethod.Get, "/conversations/never-started-conversation/activities", token);
            using var post = await client.SendAsync(HttpMethod.Post, "/conversations/never-started-conversation/activities", token, DirectLineTestClient.Message("hi").ToJsonString());
            using var start = await client.SendAsync(HttpMethod.Post, "/conversations", token, "{}");

            Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
            Assert.Equal("ConversationNotFound", (string?)(await poll.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        }
    }

    [PostgresFact]
    public async Task A_token_refreshed_on_one_instance_replaces_the_old_one_on_the_other()
    {
        // One clock for both instances, so the replaced token's 30 s grace can pass.
        var time = TestClock.Create();
        await using var hostA = WithClock(_hostA!, time);
        await using var hostB = WithClock(_hostB!, time);
        var a = new DirectLineTestClient(hostA.CreateClient());
        var b = new DirectLineTestClient(hostB.CreateClient());
        var conversation = await a.StartAsync();

        using var refresh = await b.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);
        var fresh = (string)(await refresh.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        time.Advance(TimeSpan.FromSeconds(31));
        using var oldOnA = await a.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", conversation.Token);
        using var freshOnA = await a.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", fresh);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, oldOnA.StatusCode);
        Assert.Equal("TokenReplaced", (string?)(await oldOnA.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.OK, freshOnA.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_hostA is not null)
        {
            await _hostA.DisposeAsync();
        }

        if (_hostB is not null)
        {
            await _hostB.DisposeAsync();
        }

        if (TestPostgres.ConnectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_schema);
        }
    }

    private static WebApplicationFactory<Program> WithClock(BotHostFactory host, TimeProvider time) =>
        host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(time)));

    private static List<string> Ids(JsonArray activities) => [.. activities.OfType<JsonObject>().Select(activity => (string)activity["id"]!)];

    private static long Sequence(string activityId) =>
        long.Parse(activityId[(activityId.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
