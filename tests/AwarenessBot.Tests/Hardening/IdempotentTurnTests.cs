using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Support;
using static AwarenessBot.Tests.Scale.SqliteRestartTests;

namespace AwarenessBot.Tests.Hardening;

/// <summary>
/// Issue 14, finding 9 of the probe (idempotent turns): a channel that resends an activity whose turn was saved but
/// whose reply was lost gets 200 with nothing new, and the conversation does not advance twice.
/// </summary>
public sealed class IdempotentTurnTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task A_resent_activity_id_is_answered_with_nothing_new_and_is_not_applied_twice()
    {
        using var client = factory.CreateClient();
        var conversation = new BotConversation();
        await ExpectAsync(conversation.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        var english = ActivityJson.Message("2", conversation.Id);

        var first = await BotConversation.PostAsync(client, english);
        var resent = await BotConversation.PostAsync(client, english);
        var resentAgain = await BotConversation.PostAsync(client, english);

        Assert.Equal(["system_welcome_who"], first.Keys);
        Assert.Empty(resent.Activities);
        Assert.Empty(resentAgain.Activities);

        // The conversation is still at "who", exactly one step on: the next answer moves it to the age question.
        await ExpectAsync(conversation.SayAsync(client, "1"), "system_welcome_age");
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_a_new_turn()
    {
        using var client = factory.CreateClient();
        var one = new BotConversation();
        var two = new BotConversation();
        await ExpectAsync(one.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        await ExpectAsync(two.StartAsync(client), "system_welcome_intro", "system_welcome_language");
        var inOne = ActivityJson.Message("2", one.Id);
        var inTwo = ActivityJson.Message("2", two.Id);
        inTwo["id"] = inOne["id"]!.GetValue<string>();

        Assert.Equal(["system_welcome_who"], (await BotConversation.PostAsync(client, inOne)).Keys);
        Assert.Equal(["system_welcome_who"], (await BotConversation.PostAsync(client, inTwo)).Keys);
    }
}
