using AwarenessBot.Rendering;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Rendering;

public sealed class MessageSplittingTests
{
    private static string Sentences(int count) =>
        string.Join(" ", Enumerable.Range(1, count).Select(n => $"This is sentence number {n} of a long explanation."));

    [Theory]
    [InlineData("sms", 1600)]
    [InlineData("whatsapp", 4096)]
    [InlineData("webchat", 4000)]
    public void Long_messages_are_split_within_the_channel_limit(string channel, int limit)
    {
        var text = Sentences(200);

        var activities = Replies.Render(channel, Replies.Text(text));

        Assert.True(activities.Count >= 2);
        Assert.All(activities, a => Assert.InRange(a.Text.Length, 1, limit));
        Assert.All(activities, a => Assert.Equal("test_text", Replies.ResponseKey(a)));
        Assert.Equal(Words(text), Words(string.Join(" ", activities.Select(a => a.Text))));
    }

    [Fact]
    public void Parts_end_at_sentence_boundaries()
    {
        var activities = Replies.Render("sms", Replies.Text(Sentences(100)));

        Assert.All(activities, a => Assert.EndsWith(".", a.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_last_part_carries_the_choices()
    {
        var activities = Replies.Render("webchat", Replies.WithChoices(3, text: Sentences(200)));

        Assert.True(activities.Count >= 2);
        Assert.All(activities.SkipLast(1), a => Assert.Null(a.SuggestedActions));
        Assert.Equal(3, activities[^1].SuggestedActions.Actions.Count);
        Assert.Equal(InputHints.ExpectingInput, activities[^1].InputHint);
    }

    [Fact]
    public void On_sms_the_numbered_list_ends_the_last_part()
    {
        var activities = Replies.Render("sms", Replies.WithChoices(3, text: Sentences(100)));

        Assert.True(activities.Count >= 2);
        Assert.EndsWith("\n3. Option 3\n\nReply 1, 2 or 3.", activities[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_is_never_cut_in_two()
    {
        // 1,560 characters of words, then a URL that crosses the 1,600-character SMS limit.
        var filler = string.Concat(Enumerable.Repeat("word ", 312));
        var text = filler + "see https://www.example.org/help/services/directory.html for more.";

        var activities = Replies.Render("sms", Replies.Text(text));

        Assert.Contains(activities, a => a.Text.Contains("https://www.example.org/help/services/directory.html", StringComparison.Ordinal));
    }

    [Fact]
    public void A_numbered_choice_is_never_cut_from_its_number()
    {
        // 1,575 characters without a sentence end, then the list: the 1,600-character window ends inside "3. Option 3".
        var filler = string.Concat(Enumerable.Repeat("word ", 315));

        var activities = Replies.Render("sms", Replies.WithChoices(3, text: filler));

        Assert.Contains(activities, a => a.Text.Contains("\n2. Option 2", StringComparison.Ordinal));
        Assert.DoesNotContain(activities, a => a.Text.EndsWith("2.", StringComparison.Ordinal));
    }

    private static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
