using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Triage;

/// <summary>
/// Issue 13: every crisis answer names 911 on every channel, as rendered (SMS users never see the web page's banner):
/// the crisis text and the 911 entry, whose note says what to do where a community has no 911.
/// </summary>
public sealed class CrisisAnswersName911OnEveryChannelTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    public static TheoryData<string, string, string> CrisesAndChannels()
    {
        var data = new TheoryData<string, string, string>();
        (string Text, string Key)[] crises =
        [
            ("he locked me in and says he'll hurt me", "system_crisis_immediate_danger"),
            ("I want to kill myself", "system_crisis_self_harm"),
            ("my employer took my passport", "system_crisis_labour_exploitation"),
        ];
        foreach (var channel in new[] { "sms", "emulator", "webchat", "msteams", "facebook" })
        {
            foreach (var (text, key) in crises)
            {
                data.Add(channel, text, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrisesAndChannels))]
    public async Task Crisis_answer_names_911_and_says_what_to_do_without_911(string channel, string text, string crisisKey)
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation(channelId: channel).SayAsync(client, text);

        Assert.True(replies.Keys.Count >= 2, $"replies: [{replies.Describe()}]");
        Assert.Equal(crisisKey, replies.Keys[0]);
        Assert.Contains("service:ca_911", replies.Keys);
        var all = string.Join("\n", replies.Activities.Select(a => (string?)a["text"] ?? ""));
        Assert.Contains("911", all, StringComparison.Ordinal);
        Assert.Contains("RCMP", all, StringComparison.Ordinal);
    }
}
