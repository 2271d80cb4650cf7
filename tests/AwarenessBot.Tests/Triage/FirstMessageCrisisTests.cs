using System.Text.Json.Nodes;
using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Triage;

/// <summary>
/// End to end through POST /api/messages with the real analyser and engine: a person whose very first message is a
/// crisis gets the crisis answer at once, in their language, and every reply is marked with the triage the web page
/// turns into its emergency banner. Ordinary worries are not marked.
/// </summary>
public sealed class FirstMessageCrisisTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    [Theory]
    [InlineData("en", "he locked me in and says he'll hurt me")]
    [InlineData("fr", "il m'a enfermée et dit qu'il va me frapper")]
    [InlineData("es", "me encerró y dice que me va a lastimar")]
    [InlineData("tl", "ikinulong niya ako at sinabing sasaktan niya ako")]
    public async Task Immediate_danger_as_the_first_message_gets_911_in_that_language_with_triage_on_every_reply(string language, string text)
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation().SayAsync(client, text);

        Assert.True(replies.Keys.Count >= 2, $"replies: [{replies.Describe()}]");
        Assert.Equal("system_crisis_immediate_danger", replies.Keys[0]);
        Assert.Equal("service:ca_911", replies.Keys[1]);
        AssertInLanguage(replies, language);
        AssertTriage(replies, "immediate_danger", "high");
    }

    [Theory]
    [InlineData("en", "I want to kill myself", "self_harm", "system_crisis_self_harm")]
    [InlineData("en", "my employer took my passport", "labour_exploitation", "system_crisis_labour_exploitation")]
    public async Task Self_harm_and_labour_exploitation_get_their_own_crisis_answer_and_triage(string language, string text, string category, string responseKey)
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation().SayAsync(client, text);

        Assert.True(replies.Keys.Count >= 2, $"replies: [{replies.Describe()}]");
        Assert.Equal(responseKey, replies.Keys[0]);
        AssertInLanguage(replies, language);
        AssertTriage(replies, category, "high");
    }

    [Theory]
    [InlineData("my passport expires next year")]
    [InlineData("this exam is killing me")]
    public async Task Ordinary_worries_carry_no_triage(string text)
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation().SayAsync(client, text);

        Assert.NotEmpty(replies.Activities);
        Assert.DoesNotContain(replies.Keys, key => key.StartsWith("system_crisis", StringComparison.Ordinal));
        Assert.All(replies.Activities, reply => Assert.Null(reply["channelData"]?["triage"]));
    }

    [Fact]
    public async Task Triage_is_per_turn_the_next_ordinary_message_is_not_marked()
    {
        using var client = factory.CreateClient();
        var conversation = new BotConversation();
        AssertTriage(await conversation.SayAsync(client, "he locked me in and says he'll hurt me"), "immediate_danger", "high");

        var next = await conversation.SayAsync(client, "menu");

        Assert.NotEmpty(next.Activities);
        Assert.All(next.Activities, reply => Assert.Null(reply["channelData"]?["triage"]));
    }

    internal static void AssertInLanguage(BotTurn replies, string language) =>
        Assert.All(replies.Activities, reply =>
            Assert.True(((string?)reply["locale"] ?? "").StartsWith(language, StringComparison.OrdinalIgnoreCase), $"{reply["channelData"]?["responseKey"]} has locale '{reply["locale"]}', expected {language}"));

    internal static void AssertTriage(BotTurn replies, string category, string severity) =>
        Assert.All(replies.Activities, reply => AssertTriage(reply, category, severity));

    internal static void AssertTriage(JsonObject reply, string category, string severity)
    {
        var triage = reply["channelData"]?["triage"];
        Assert.True(triage is not null, $"{reply["channelData"]?["responseKey"]} has no channelData.triage");
        Assert.Equal(category, (string?)triage["category"]);
        Assert.Equal(severity, (string?)triage["severity"]);
    }
}
