using System.Text.Json.Nodes;
using AwarenessBot.BotFramework;
using AwarenessBot.Tests.Privacy;
using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Support;
using Microsoft.Bot.Schema;
using static AwarenessBot.Tests.Scale.SqliteRestartTests;

namespace AwarenessBot.Tests.Hardening;

/// <summary>
/// Issue 14, findings 3 and 7: in anonymous mode a caller who reuses someone's <c>from.id</c> in another conversation
/// can neither read nor erase that person's data, and no stored key holds a channel-provided id.
/// </summary>
public sealed class BorrowedUserIdTests
{
    private const string VictimId = "victim@example.com";

    [Fact]
    public async Task Reusing_a_user_id_in_another_conversation_reaches_none_of_that_users_data()
    {
        using var files = new SqliteFiles();
        await using var host = TestHosts.Sqlite(files.DataDirectory);
        using var client = host.CreateClient();
        var victim = new Sender("victim-conversation", VictimId);
        await ExpectAsync(victim.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        await ExpectAsync(victim.SayAsync(client, "2"), "system_welcome_who");
        await ExpectAsync(victim.SayAsync(client, "1"), "system_welcome_age");
        await ExpectAsync(victim.SayAsync(client, "2"), "system_welcome_region");
        await ExpectAsync(victim.SayAsync(client, "Manitoba"), "system_main_menu");
        var victimKeys = victim.Keys();
        Assert.Equal(2, (await files.StateRowsAsync()).Count(r => victimKeys.Contains(r.Key)));

        // The borrower starts fresh (the victim's language and answers are not theirs to read) and asks to delete.
        var borrower = new Sender("borrower-conversation", VictimId);
        await ExpectAsync(borrower.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        await ExpectAsync(borrower.SayAsync(client, "delete my data"), "system_delete_confirm");
        await ExpectAsync(borrower.SayAsync(client, "yes"), "system_delete_done");

        var rows = await files.StateRowsAsync();
        Assert.Equal(2, rows.Count(r => victimKeys.Contains(r.Key)));
        Assert.DoesNotContain(rows, r => r.Key.Contains("victim", StringComparison.Ordinal) || r.Key.Contains('@', StringComparison.Ordinal));
    }

    /// <summary>One conversation with a chosen user id, over /api/messages with expectReplies.</summary>
    private sealed class Sender(string conversationId, string userId)
    {
        public Task<BotTurn> StartAsync(HttpClient client) => BotConversation.PostAsync(client, WithUser(ActivityJson.ConversationUpdate(conversationId)));

        public Task<BotTurn> SayAsync(HttpClient client, string text) => BotConversation.PostAsync(client, WithUser(ActivityJson.Message(text, conversationId)));

        public string[] Keys()
        {
            var keys = new StateKeys(scopeUsersByConversation: true);
            return [StateKeys.Conversation("emulator", conversationId), keys.User("emulator", conversationId, userId)];
        }

        private JsonObject WithUser(JsonObject activity)
        {
            activity["from"]!["id"] = userId;
            if (activity["membersAdded"] is JsonArray added)
            {
                added[0]!["id"] = userId;
            }

            return activity;
        }
    }
}
