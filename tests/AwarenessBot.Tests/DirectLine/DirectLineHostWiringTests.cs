using System.Net;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>
/// The real host (Program) serves the page, the Web Chat bundle and the Direct Line channel, and the channel's turns
/// reach the host's own bot. Fails until Program wires AddDirectLineChannel/AddWebChatPage and the Map calls, and the
/// csproj imports build/WebChat.targets (which puts wwwroot/lib/webchat.js in place on a fresh clone).
/// </summary>
public sealed class DirectLineHostWiringTests : IClassFixture<BotHostFactory>
{
    private readonly BotHostFactory _factory;

    public DirectLineHostWiringTests(BotHostFactory factory) => _factory = factory;

    [Fact]
    public async Task The_real_host_answers_a_web_chat_message_through_its_own_bot()
    {
        var client = new DirectLineTestClient(_factory.CreateClient());
        var conversation = await client.StartAsync();

        var id = await client.PostAsync(conversation, DirectLineTestClient.Message("hello"));

        var reply = await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == id);
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        Assert.Equal("webchat", (string?)reply["channelId"]);
    }

    [Fact]
    public async Task The_real_host_serves_the_page_with_its_policy_and_the_local_web_chat_bundle()
    {
        using var client = _factory.CreateClient();

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var bundle = await client.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("style-src 'self' 'nonce-", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
    }
}
