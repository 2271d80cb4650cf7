using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Tests.DirectLine;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Limits;

/// <summary>Issue 14, finding 1: nobody can take the web chat down by opening conversations or holding tokens.</summary>
public sealed class DirectLineAbuseLimitsTests(ITestOutputHelper output)
{
    private const string Start = "/v3/directline/conversations";
    private const string Generate = "/v3/directline/tokens/generate";

    [Fact]
    public async Task Starts_beyond_the_per_address_limit_get_429_with_retry_after_while_other_addresses_still_start()
    {
        await using var factory = new ClientAddressHostFactory();
        factory.WithSetting("RateLimits:ConversationStartsPerAddress", "3");
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.SendAsync(ClientAddressHostFactory.From("198.51.100.7", HttpMethod.Post, i % 2 == 0 ? Start : Generate));
            Assert.True(allowed.IsSuccessStatusCode, $"start {i}: {allowed.StatusCode}");
        }

        using var limited = await client.SendAsync(ClientAddressHostFactory.From("198.51.100.7", HttpMethod.Post, Generate));
        using var other = await client.SendAsync(ClientAddressHostFactory.From("203.0.113.9", HttpMethod.Post, Start));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After {limited.Headers.RetryAfter}");
        Assert.Equal("TooManyRequests", (string?)(await limited.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_address_is_the_partition_and_elsewhere_it_is_ignored()
    {
        await using var proxied = new ClientAddressHostFactory();
        proxied.WithSetting("RateLimits:ConversationStartsPerAddress", "1").WithSetting("ForwardedHeaders:Enabled", "true");
        await using var direct = new ClientAddressHostFactory();
        direct.WithSetting("RateLimits:ConversationStartsPerAddress", "1");

        // Both visitors come through the same proxy (loopback); the proxy says who they are.
        var proxiedStatuses = await StartTwoForwardedVisitorsAsync(proxied.CreateClient());
        var directStatuses = await StartTwoForwardedVisitorsAsync(direct.CreateClient());

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], proxiedStatuses);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.TooManyRequests], directStatuses);
    }

    [Fact]
    public async Task A_new_visitor_gets_a_conversation_during_and_after_20000_starts_from_one_address()
    {
        await using var factory = new ClientAddressHostFactory();
        using var client = factory.CreateClient();
        var clock = Stopwatch.StartNew();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var visitors = new List<HttpStatusCode>();
        const int Flood = 20_000;
        const int Parallel = 8;
        for (var sent = 0; sent < Flood; sent += Parallel)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async i =>
            {
                using var response = await client.SendAsync(ClientAddressHostFactory.From("198.51.100.66", HttpMethod.Post, (sent + i) % 2 == 0 ? Start : Generate));
                return response.StatusCode;
            }));
            foreach (var status in batch)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            if (sent % 2_000 == 0)
            {
                visitors.Add(await StartAsVisitorAsync(client, $"203.0.113.{visitors.Count + 1}"));
            }
        }

        visitors.Add(await StartAsVisitorAsync(client, "192.0.2.200"));
        output.WriteLine($"{Flood} starts in {clock.ElapsedMilliseconds} ms: {string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}"))}; visitors: {string.Join(", ", visitors.Select(v => (int)v))}");

        Assert.All(visitors, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(Flood, statuses.GetValueOrDefault(HttpStatusCode.Created) + statuses.GetValueOrDefault(HttpStatusCode.OK) + statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests) >= Flood - 30, "the flood was not limited");
    }

    [Fact]
    public async Task When_the_table_is_full_the_idlest_conversation_quiet_for_a_minute_makes_room()
    {
        var time = TestClock.Create();
        await using var host = await DirectLineTestHost.StartAsync(settings: new() { ["DirectLine:MaxConversations"] = "2" }, time: time);
        var client = new DirectLineTestClient(host.CreateClient());
        var oldest = await client.StartAsync();
        time.Advance(TimeSpan.FromSeconds(30));
        var older = await client.StartAsync();
        time.Advance(TimeSpan.FromSeconds(40));

        var newcomer = await client.StartAsync();
        using var oldestPoll = await client.SendAsync(HttpMethod.Get, $"/conversations/{oldest.Id}/activities", oldest.Token);
        using var olderPoll = await client.SendAsync(HttpMethod.Get, $"/conversations/{older.Id}/activities", older.Token);

        Assert.Equal(HttpStatusCode.NotFound, oldestPoll.StatusCode);
        Assert.Equal(HttpStatusCode.OK, olderPoll.StatusCode);
        Assert.NotEqual(oldest.Id, newcomer.Id);

        // Both open conversations were active within the last minute: nobody is pushed out, the newcomer waits.
        using var refused = await client.SendAsync(HttpMethod.Post, "/conversations", token: null, "{}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
    }

    [Fact]
    public async Task A_refreshed_token_replaces_the_old_one_after_a_short_grace()
    {
        var time = TestClock.Create();
        await using var host = await DirectLineTestHost.StartAsync(time: time);
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        using var refresh = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);
        var fresh = (string)(await refresh.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        using var oldDuringGrace = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", conversation.Token);
        time.Advance(TimeSpan.FromSeconds(31));
        using var oldAfterGrace = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", conversation.Token);
        using var refreshWithOld = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);
        using var freshWorks = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities", fresh);

        Assert.NotEqual(conversation.Token, fresh);
        Assert.Equal(HttpStatusCode.OK, oldDuringGrace.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, oldAfterGrace.StatusCode);
        Assert.Equal("TokenReplaced", (string?)(await oldAfterGrace.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, refreshWithOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshWorks.StatusCode);
    }

    [Fact]
    public async Task Two_tokens_generated_in_the_same_second_differ()
    {
        await using var host = await DirectLineTestHost.StartAsync(time: TestClock.Create());
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();

        using var first = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);
        using var second = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", conversation.Token);

        Assert.NotEqual((string?)(await first.Content.ReadFromJsonAsync<JsonObject>())!["token"], (string?)(await second.Content.ReadFromJsonAsync<JsonObject>())!["token"]);
    }

    private static async Task<HttpStatusCode[]> StartTwoForwardedVisitorsAsync(HttpClient client)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var visitor in new[] { "198.51.100.1", "198.51.100.2" })
        {
            using var request = ClientAddressHostFactory.From("127.0.0.1", HttpMethod.Post, Start);
            request.Headers.Add("X-Forwarded-For", visitor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        client.Dispose();
        return [.. statuses];
    }

    private static async Task<HttpStatusCode> StartAsVisitorAsync(HttpClient client, string address)
    {
        using var response = await client.SendAsync(ClientAddressHostFactory.From(address, HttpMethod.Post, Start, JsonContent.Create(new JsonObject())));
        return response.StatusCode;
    }
}
