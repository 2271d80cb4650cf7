using AwarenessBot.Tests.Privacy;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Scale;

/// <summary>State on SQLite survives a restart: a second host on the same folder picks the conversation up mid-flow.</summary>
public sealed class SqliteRestartTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Welcome → English → youth → 13-15 → skip region → online safety menu.</summary>
    private static readonly (string Text, string[] Keys)[] BeforeRestart =
    [
        ("1", ["system_welcome_who"]),
        ("1", ["system_welcome_age"]),
        ("2", ["system_welcome_region"]),
        ("skip", ["system_main_menu"]),
        ("1", ["system_online_safety_menu"]),
    ];

    /// <summary>"3" means sextortion only inside the online safety menu (in the main menu it is find_help).</summary>
    private static readonly string[] AfterRestart = ["3", "2", "1"];

    [Fact]
    public async Task A_new_host_on_the_same_data_directory_continues_at_the_same_step()
    {
        var expected = await ReferenceAnswersOnOneHostAsync();
        Assert.Equal(["sextortion_what_to_do", "sextortion_what_to_do:quiz"], expected[0]);

        using var files = new SqliteFiles();
        var conversation = new BotConversation();
        await using (var hostA = TestHosts.Sqlite(files.DataDirectory))
        {
            using var client = hostA.CreateClient();
            await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");
            foreach (var (text, keys) in BeforeRestart)
            {
                await ExpectAsync(conversation.SayAsync(client, text), keys);
            }
        }

        foreach (var (_, kind, bytes) in await files.StateRowsAsync())
        {
            output.WriteLine($"{kind} state at the online safety menu: {bytes} bytes");
        }

        await using var hostB = TestHosts.Sqlite(files.DataDirectory);
        using var clientB = hostB.CreateClient();
        for (var i = 0; i < AfterRestart.Length; i++)
        {
            var replies = await conversation.SayAsync(clientB, AfterRestart[i]);
            Assert.True(expected[i].SequenceEqual(replies.Keys), $"after restart, turn {i}: expected [{string.Join(", ", expected[i])}] (one host) but got [{replies.Describe()}]");
            Assert.All(replies.Activities, a => Assert.StartsWith("en", (string?)a["locale"], StringComparison.Ordinal));
        }
    }

    /// <summary>The same script without a restart, so the comparison does not depend on quiz answers in the content.</summary>
    private static async Task<List<IReadOnlyList<string>>> ReferenceAnswersOnOneHostAsync()
    {
        await using var host = new BotHostFactory();
        using var client = host.CreateClient();
        var conversation = new BotConversation();
        await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        foreach (var (text, keys) in BeforeRestart)
        {
            await ExpectAsync(conversation.SayAsync(client, text), keys);
        }

        var answers = new List<IReadOnlyList<string>>();
        foreach (var text in AfterRestart)
        {
            answers.Add((await conversation.SayAsync(client, text)).Keys);
        }

        return answers;
    }

    internal static async Task ExpectAsync(Task<BotTurn> turn, params string[] keys)
    {
        var replies = await turn;
        Assert.True(keys.SequenceEqual(replies.Keys), $"expected [{string.Join(", ", keys)}] but the bot said [{replies.Describe()}]");
    }
}
