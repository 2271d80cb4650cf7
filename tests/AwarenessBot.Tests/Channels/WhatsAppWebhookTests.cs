using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AwarenessBot.Channels.WhatsApp;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Channels;

/// <summary>
/// /api/whatsapp end to end against Meta's documented webhook and a local Graph API: the handshake, the signature
/// deciding whether a turn runs, and replies sent as WhatsApp messages within WhatsApp's limits.
/// </summary>
public sealed class WhatsAppWebhookTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private FakeGraphApi _graph = null!;
    private ChannelTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _host = ChannelTestHost.Start(_graph.BaseUrl, factory => factory.WithSetting("WhatsApp:RetryDelay", "00:00:00.050"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task The_verification_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        using var client = _host.Host.CreateClient();

        using var ok = await client.GetAsync($"/api/whatsapp?hub.mode=subscribe&hub.verify_token={ChannelTestHost.VerifyToken}&hub.challenge=1158201444");
        using var wrong = await client.GetAsync("/api/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");
        using var missing = await client.GetAsync("/api/whatsapp?hub.mode=subscribe");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Unsigned_and_wrongly_signed_events_are_refused_and_no_turn_runs()
    {
        using var client = _host.Host.CreateClient();
        var payload = WhatsAppWebhook.Text("15145550201", "he locked me in");
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());

        using var unsigned = await client.SendAsync(WhatsAppWebhook.Request(body, signature: null));
        using var wrongSecret = await client.SendAsync(WhatsAppWebhook.Signed(payload, "not-the-app-secret"));
        using var garbage = await client.SendAsync(WhatsAppWebhook.Request(body, "sha256=zz"));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
        await Task.Delay(500);
        Assert.Equal(0, _host.Counter.Turns);
        Assert.Equal(0, _graph.Attempts);
    }

    [Fact]
    public async Task Bad_signed_input_gets_a_clear_400_and_statuses_are_ignored()
    {
        using var client = _host.Host.CreateClient();
        var notJson = Encoding.UTF8.GetBytes("{not json");

        using var broken = await client.SendAsync(WhatsAppWebhook.Request(notJson, WhatsAppSignature.Sign(notJson, ChannelTestHost.AppSecret)));
        using var other = await client.SendAsync(WhatsAppWebhook.Signed(new JsonObject { ["object"] = "page", ["entry"] = new JsonArray() }));
        using var status = await client.SendAsync(WhatsAppWebhook.Signed(WhatsAppWebhook.Status("15145550202")));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        await Task.Delay(500);
        Assert.Equal(0, _host.Counter.Turns);
    }

    [Fact]
    public async Task A_text_then_a_button_reply_produce_Graph_sends_within_WhatsApps_limits()
    {
        using var client = _host.Host.CreateClient();
        const string waId = "15145550203";

        await PostAsync(client, WhatsAppWebhook.Text(waId, "hi"));
        var first = await _graph.TurnAsync(0, Wait);
        AssertWellFormed(first, waId);
        var menu = first.LastOrDefault(s => s.Type == "interactive");
        Assert.True(menu is not null, "the welcome offers choices: " + string.Join(" | ", first.Select(s => s.Type)));

        var (id, title) = FirstChoice(menu);
        var reply = menu.InteractiveType == "button" ? WhatsAppWebhook.ButtonReply(waId, id, title) : WhatsAppWebhook.ListReply(waId, id, title);
        await PostAsync(client, reply);
        var second = await _graph.TurnAsync(first.Count, Wait);
        foreach (var send in first.Concat(second))
        {
            output.WriteLine(send.Body.ToJsonString());
        }

        AssertWellFormed(second, waId);
        Assert.NotEqual(first.Select(s => s.Text), second.Select(s => s.Text));
    }

    [Theory]
    [InlineData("he locked me in and says he'll hurt me")]
    [InlineData("il m'a enfermée et dit qu'il va me frapper")]
    public async Task A_crisis_message_is_answered_with_911_first(string text)
    {
        using var client = _host.Host.CreateClient();

        await PostAsync(client, WhatsAppWebhook.Text("15145550204", text));
        var sends = await _graph.TurnAsync(0, Wait);

        Assert.Contains("911", sends[0].Text, StringComparison.Ordinal);
        AssertWellFormed(sends, "15145550204");
    }

    [Fact]
    public async Task A_voice_note_runs_no_turn_and_is_answered_that_the_bot_reads_text_naming_911()
    {
        using var client = _host.Host.CreateClient();

        await PostAsync(client, WhatsAppWebhook.Audio("15145550208"));
        var sends = await _graph.TurnAsync(0, Wait);

        var notice = Assert.Single(sends);
        Assert.Equal("text", notice.Type);
        Assert.Contains("911", notice.Text, StringComparison.Ordinal);
        Assert.Equal(0, _host.Counter.Turns);
    }

    [Fact]
    public async Task A_message_older_than_the_24_hour_window_gets_no_free_form_reply()
    {
        using var client = _host.Host.CreateClient();

        await PostAsync(client, WhatsAppWebhook.Text("15145550205", "hi", TimeProvider.System.GetUtcNow().AddHours(-25)));

        Assert.True(await WaitForLogAsync("customer-service window has closed"), "the late reply was not reported");
        Assert.Empty(_graph.Received);
    }

    [Fact]
    public async Task A_failing_Graph_API_is_retried_and_a_redelivered_event_is_answered_once()
    {
        using var client = _host.Host.CreateClient();
        _graph.FailNext(503, 500);
        var payload = WhatsAppWebhook.Text("15145550206", "hi");

        await PostAsync(client, payload);
        await PostAsync(client, payload);
        var sends = await _graph.TurnAsync(0, Wait);

        Assert.NotEmpty(sends);
        Assert.Equal(sends.Count + 2, _graph.Attempts);
        Assert.Equal(1, _host.Counter.Turns);
    }

    [Fact]
    public async Task A_refused_send_is_logged_by_message_id_and_status_never_by_number_or_text()
    {
        using var client = _host.Host.CreateClient();
        _graph.FailNext(400);

        await PostAsync(client, WhatsAppWebhook.Text("15145550207", "my name is Quillfeather"));

        Assert.True(await WaitForLogAsync("HTTP 400"), "the failed send was not logged");
        Assert.Equal(1, _graph.Attempts);
        Assert.All(_host.LogTexts, log =>
        {
            Assert.DoesNotContain("5550207", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Quillfeather", log, StringComparison.Ordinal);
        });
    }

    private static async Task PostAsync(HttpClient client, JsonObject payload)
    {
        using var response = await client.SendAsync(WhatsAppWebhook.Signed(payload));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<bool> WaitForLogAsync(string text)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_host.LogTexts.Any(log => log.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static (string Id, string Title) FirstChoice(GraphSend menu)
    {
        var action = menu.Body["interactive"]!["action"]!;
        var choice = menu.InteractiveType == "button"
            ? action["buttons"]![0]!["reply"]!
            : action["sections"]![0]!["rows"]![0]!;
        return ((string)choice["id"]!, (string)choice["title"]!);
    }

    /// <summary>The Cloud API's documented shapes and limits (PROTOCOLS.md §9).</summary>
    internal static void AssertWellFormed(IEnumerable<GraphSend> sends, string waId)
    {
        foreach (var send in sends)
        {
            Assert.Equal(ChannelTestHost.PhoneNumberId, send.PhoneNumberId);
            Assert.Equal("Bearer " + ChannelTestHost.AccessToken, send.Authorization);
            Assert.Equal("whatsapp", (string?)send.Body["messaging_product"]);
            Assert.Equal(waId, (string?)send.Body["to"]);
            if (send.Type == "text")
            {
                Assert.InRange(send.Text.Length, 1, 4096);
                continue;
            }

            Assert.Equal("interactive", send.Type);
            Assert.InRange(send.Text.Length, 1, 1024);
            var action = send.Body["interactive"]!["action"]!;
            if (send.InteractiveType == "button")
            {
                var buttons = action["buttons"]!.AsArray();
                Assert.InRange(buttons.Count, 1, 3);
                Assert.All(buttons, b =>
                {
                    Assert.Equal("reply", (string?)b!["type"]);
                    Assert.InRange(((string)b["reply"]!["title"]!).Length, 1, 20);
                    Assert.InRange(((string)b["reply"]!["id"]!).Length, 1, 256);
                });
            }
            else
            {
                Assert.Equal("list", send.InteractiveType);
                Assert.InRange(((string)action["button"]!).Length, 1, 20);
                var rows = action["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray()).ToList();
                Assert.InRange(rows.Count, 1, 10);
                Assert.All(rows, r =>
                {
                    Assert.InRange(((string)r!["title"]!).Length, 1, 24);
                    Assert.InRange(((string?)r["description"] ?? "").Length, 0, 72);
                    Assert.InRange(((string)r["id"]!).Length, 1, 200);
                });
            }
        }
    }
}
