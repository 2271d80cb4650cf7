using System.Net;
using System.Xml.Linq;
using AwarenessBot.Channels;
using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Triage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Channels;

/// <summary>
/// POST /api/sms/twilio end to end against Twilio's documented webhook: the signature decides whether a turn runs at
/// all, and the answer is TwiML produced by the same adapter, analysis, engine and renderer as /api/messages.
/// </summary>
public sealed class TwilioSmsTests : IAsyncLifetime
{
    private ChannelTestHost _host = null!;

    public Task InitializeAsync()
    {
        _host = ChannelTestHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("fr", "il m'a enfermée et dit qu'il va me frapper", "+15145550111")]
    [InlineData("es", "me encerró y dice que me va a lastimar", "+15145550112")]
    [InlineData("en", "hi", "+15145550113")]
    public async Task A_signed_webhook_gets_TwiML_in_the_persons_language_the_same_words_as_the_Bot_Framework_path(string language, string text, string phone)
    {
        using var client = _host.Host.CreateClient();

        using var response = await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message(phone, text)));
        var messages = await TwimlAsync(response);

        // The same first message on /api/messages, rendered for the same channel, says the same words.
        var expected = await new BotConversation(channelId: "twilio-sms").SayAsync(client, text);
        Assert.Equal(expected.Activities.Select(a => (string?)a["text"]), messages);
        FirstMessageCrisisTests.AssertInLanguage(expected, language);
        Assert.All(messages, m => Assert.InRange(m.Length, 1, 1600));
    }

    [Theory]
    [InlineData("en", "he locked me in and says he'll hurt me")]
    [InlineData("fr", "il m'a enfermée et dit qu'il va me frapper")]
    public async Task A_crisis_text_is_answered_with_911_first(string language, string text)
    {
        using var client = _host.Host.CreateClient();

        using var response = await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message("+15145550120", text)));
        var messages = await TwimlAsync(response);

        Assert.True(messages.Count >= 2, language);
        Assert.Contains("911", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_and_wrongly_signed_webhooks_get_403_and_no_turn_runs()
    {
        using var client = _host.Host.CreateClient();
        var form = TwilioWebhook.Message("+15145550130", "he locked me in");
        var otherForm = new Dictionary<string, string>(form) { ["Body"] = "something else" };

        using var unsigned = await client.SendAsync(TwilioWebhook.Request(form, signature: null));
        using var wrongKey = await client.SendAsync(TwilioWebhook.Request(form, TwilioWebhook.Sign(TwilioWebhook.Url, form, "not-the-auth-token")));
        using var tampered = await client.SendAsync(TwilioWebhook.Request(form, TwilioWebhook.Sign(TwilioWebhook.Url, otherForm, ChannelTestHost.TwilioAuthToken)));
        using var otherUrl = await client.SendAsync(TwilioWebhook.Request(form, TwilioWebhook.Sign("http://localhost/api/other", form, ChannelTestHost.TwilioAuthToken)));

        Assert.All([unsigned, wrongKey, tampered, otherUrl], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(0, _host.Counter.Turns);
    }

    [Fact]
    public async Task A_Webhooks_Rule_signature_with_HMAC_SHA256_is_checked_with_the_shared_key()
    {
        await using var host = ChannelTestHost.Start(configure: f => f.WithSetting("Twilio:WebhookSigningKey", "shared-key-secret-for-tests"));
        using var client = host.Host.CreateClient();
        var form = TwilioWebhook.Message("+15145550135", "hi");

        var ok = await TwimlAsync(await client.SendAsync(TwilioWebhook.SignedWithSharedKey(form, "shared-key-secret-for-tests")));
        using var wrong = await client.SendAsync(TwilioWebhook.SignedWithSharedKey(form, ChannelTestHost.TwilioAuthToken));

        Assert.NotEmpty(ok);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(1, host.Counter.Turns);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_4xx_never_a_500()
    {
        using var client = _host.Host.CreateClient();
        var noFrom = TwilioWebhook.Message("+15145550140", "hi");
        noFrom.Remove("From");
        var otherAccount = new Dictionary<string, string>(TwilioWebhook.Message("+15145550140", "hi")) { ["AccountSid"] = "AC99999999999999999999999999999999" };

        using var missing = await client.SendAsync(TwilioWebhook.Signed(noFrom));
        using var foreign = await client.SendAsync(TwilioWebhook.Signed(otherAccount));
        using var json = await client.PostAsync("/api/sms/twilio", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(0, _host.Counter.Turns);
    }

    [Fact]
    public async Task STOP_runs_no_turn_answers_nothing_and_forgets_the_person_HELP_answers_with_how_to_stop()
    {
        using var client = _host.Host.CreateClient();
        const string phone = "+15145550150";
        await TwimlAsync(await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message(phone, "hi"))));
        var storage = _host.Host.Services.GetRequiredService<IStorage>();
        var conversationKey = StoredKeys(phone)[0];
        Assert.NotEmpty(await storage.ReadAsync([conversationKey]));
        var turns = _host.Counter.Turns;

        var stop = await TwimlAsync(await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message(phone, " Stop "))));

        Assert.Empty(stop);
        Assert.Equal(turns, _host.Counter.Turns);
        Assert.Empty(await storage.ReadAsync([conversationKey]));

        var help = await TwimlAsync(await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message(phone, "HELP"))));
        Assert.True(help.Count >= 2);
        Assert.Contains("STOP", help[^1], StringComparison.Ordinal);
        Assert.Contains("911", help[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_and_logs_hold_hashed_ids_never_the_phone_number_or_the_text()
    {
        using var client = _host.Host.CreateClient();
        const string phone = "+15145550177";
        const string text = "my boss Quillfeather keeps my passport";

        await TwimlAsync(await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message(phone, text))));
        await TwimlAsync(await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message(phone, "menu"))));

        var storage = _host.Host.Services.GetRequiredService<IStorage>();
        var userKey = StoredKeys(phone)[1];
        Assert.NotEmpty(await storage.ReadAsync([userKey]));
        Assert.DoesNotContain("5550177", userKey, StringComparison.Ordinal);
        Assert.NotEmpty(_host.LogTexts);
        Assert.All(_host.LogTexts, log =>
        {
            Assert.DoesNotContain("5550177", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Quillfeather", log, StringComparison.Ordinal);
        });
    }

    internal static async Task<List<string>> TwimlAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            var document = XDocument.Parse(body);
            Assert.Equal("Response", document.Root?.Name.LocalName);
            return [.. document.Root!.Elements("Message").Select(m => m.Value)];
        }
    }
    /// <summary>The keys the host stores this person's conversation and user state under (hashed provider ids).</summary>
    private string[] StoredKeys(string phone)
    {
        var keys = _host.Host.Services.GetRequiredService<AwarenessBot.BotFramework.StateKeys>();
        var conversationId = ProviderIds.Key(ChannelTestHost.TwilioAuthToken, "twilio", TwilioWebhook.BotNumber, phone);
        var userId = ProviderIds.Key(ChannelTestHost.TwilioAuthToken, "twilio", phone);
        return [AwarenessBot.BotFramework.StateKeys.Conversation("twilio-sms", conversationId), keys.User("twilio-sms", conversationId, userId)];
    }
}
