using System.Text.Json.Nodes;
using AwarenessBot.Tests.DirectLine;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Triage;

/// <summary>The same crisis path through the built-in web channel (Direct Line 3.0), as the web page uses it.</summary>
public sealed class DirectLineCrisisTests(BotHostFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task A_crisis_sent_from_web_chat_comes_back_with_911_and_triage_on_every_reply()
    {
        var client = new DirectLineTestClient(factory.CreateClient());
        var conversation = await client.StartAsync();

        var id = await client.PostAsync(conversation, DirectLineTestClient.Message("he locked me in and says he'll hurt me"));

        await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == id && Key(a) == "service:ca_911");
        var (activities, _) = await client.GetAsync(conversation);
        var replies = new Scale.BotTurn([.. activities.OfType<JsonObject>().Where(a => (string?)a["replyToId"] == id && DirectLineTestClient.IsBot(a))]);
        var raw = string.Join(", ", replies.Activities.Select(a => $"{Key(a)} ({((string?)a["text"])?.Length} chars)"));
        output.WriteLine(raw);
        Assert.True(replies.Keys.Count >= 2 && replies.Keys[0] == "system_crisis_immediate_danger" && replies.Keys[1] == "service:ca_911", $"replies: [{raw}]");
        FirstMessageCrisisTests.AssertTriage(replies, "immediate_danger", "high");
        Assert.All(replies.Activities, reply => Assert.StartsWith("en", (string?)reply["locale"], StringComparison.OrdinalIgnoreCase));
    }

    private static string? Key(JsonObject activity) => (string?)activity["channelData"]?["responseKey"];
}
