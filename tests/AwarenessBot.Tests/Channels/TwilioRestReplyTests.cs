using System.Text;

namespace AwarenessBot.Tests.Channels;

/// <summary>Twilio:ReplyMode Rest: the webhook answers an empty TwiML at once and the replies go through the Messages API.</summary>
public sealed class TwilioRestReplyTests : IAsyncLifetime
{
    private FakeTwilioApi _twilio = null!;
    private ChannelTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioApi.StartAsync();
        _host = ChannelTestHost.Start(configure: factory => factory
            .WithSetting("Twilio:ReplyMode", "Rest")
            .WithSetting("Twilio:ApiBaseUrl", _twilio.BaseUrl.ToString())
            .WithSetting("Twilio:RetryDelay", "00:00:00.050"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Replies_go_through_the_Messages_API_to_the_sender_retried_after_a_server_error()
    {
        using var client = _host.Host.CreateClient();
        _twilio.FailNext(500);
        const string phone = "+15145550400";

        var twiml = await TwilioSmsTests.TwimlAsync(await client.SendAsync(TwilioWebhook.Signed(TwilioWebhook.Message(phone, "he locked me in and says he'll hurt me"))));
        var count = await _twilio.SettledCountAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(twiml);
        Assert.True(count >= 2, $"{count} messages sent");
        Assert.Equal(count + 1, _twilio.Attempts);
        var first = _twilio.Received[0];
        Assert.Equal($"/2010-04-01/Accounts/{ChannelTestHost.TwilioAccountSid}/Messages.json", first.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ChannelTestHost.TwilioAccountSid}:{ChannelTestHost.TwilioAuthToken}")), first.Authorization);
        Assert.Equal(phone, first.Form["To"]);
        Assert.Equal(TwilioWebhook.BotNumber, first.Form["From"]);
        Assert.Contains("911", first.Form["Body"], StringComparison.Ordinal);
    }
}
