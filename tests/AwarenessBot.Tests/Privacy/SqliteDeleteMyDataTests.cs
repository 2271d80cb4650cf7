using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Support;
using static AwarenessBot.Tests.Scale.SqliteRestartTests;

namespace AwarenessBot.Tests.Privacy;

/// <summary>"Delete my data" on the default store removes the rows themselves, not just their contents.</summary>
public sealed class SqliteDeleteMyDataTests
{
    [Fact]
    public async Task Confirmed_delete_removes_the_conversation_and_user_rows_and_leaves_other_people_alone()
    {
        using var files = new SqliteFiles();
        await using var host = TestHosts.Sqlite(files.DataDirectory);
        using var client = host.CreateClient();
        var someoneElse = new BotConversation();
        await ExpectAsync(someoneElse.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        await ExpectAsync(someoneElse.SayAsync(client, "1"), "system_welcome_who");

        var conversation = new BotConversation();
        await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        await ExpectAsync(conversation.SayAsync(client, "2"), "system_welcome_who");
        await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_age");
        await ExpectAsync(conversation.SayAsync(client, "2"), "system_welcome_region");
        await ExpectAsync(conversation.SayAsync(client, "Manitoba"), "system_main_menu");
        Assert.Equal(2, RowsOf(await files.StateRowsAsync(), conversation.Id));

        await ExpectAsync(conversation.SayAsync(client, "effacer mes données"), "system_delete_confirm");
        Assert.Equal(2, RowsOf(await files.StateRowsAsync(), conversation.Id));
        await ExpectAsync(conversation.SayAsync(client, "oui"), "system_delete_done");

        var rows = await files.StateRowsAsync();
        Assert.Equal(0, RowsOf(rows, conversation.Id));
        Assert.Equal(2, RowsOf(rows, someoneElse.Id));
        await ExpectAsync(someoneElse.SayAsync(client, "1"), "system_welcome_age");
    }

    /// <summary>The conversation's and its user's rows, by the host's own (hashed) keys.</summary>
    private static int RowsOf(IEnumerable<(string Key, string Kind, long Bytes)> rows, string conversationId) =>
        rows.Count(r => HostStateKeys.For(conversationId).Contains(r.Key));
}
