using AwarenessBot.Tests.Privacy;

namespace AwarenessBot.Tests.Scale;

/// <summary>State on SQLite survives a restart: a second host on the same folder picks the conversation up mid-flow.</summary>
public sealed class SqliteRestartTests
{
    [Fact]
    public async Task A_new_host_on_the_same_data_directory_continues_at_the_same_step()
    {
        using var files = new SqliteFiles();
        var conversation = new BotConversation();

        await using (var hostA = TestHosts.Sqlite(files.DataDirectory))
        {
            using var client = hostA.CreateClient();
            await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");
            await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_who");
            await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_age");
            await ExpectAsync(conversation.SayAsync(client, "2"), "system_welcome_region");
            await ExpectAsync(conversation.SayAsync(client, "skip"), "system_main_menu");
            await ExpectAsync(conversation.SayAsync(client, "1"), "system_online_safety_menu");
        }

        // "3" means sextortion only inside the online safety menu (in the main menu it would be find_help), and the
        // quiz that follows is for the 13-15 band chosen before the restart.
        await using var hostB = TestHosts.Sqlite(files.DataDirectory);
        using var clientB = hostB.CreateClient();
        await ExpectAsync(conversation.SayAsync(clientB, "3"), "sextortion_what_to_do", "sextortion_what_to_do:quiz");
        await ExpectAsync(conversation.SayAsync(clientB, "2"), "sextortion_what_to_do:quiz_correct", "image_requests", "image_requests:quiz");
        var replies = await conversation.SayAsync(clientB, "1");
        Assert.Equal(["image_requests:quiz_incorrect", "system_online_safety_menu"], replies.Keys);
        Assert.All(replies.Activities, a => Assert.StartsWith("en", (string?)a["locale"], StringComparison.Ordinal));
    }

    internal static async Task ExpectAsync(Task<BotTurn> turn, params string[] keys)
    {
        var replies = await turn;
        Assert.True(keys.SequenceEqual(replies.Keys), $"expected [{string.Join(", ", keys)}] but the bot said [{replies.Describe()}]");
    }
}
