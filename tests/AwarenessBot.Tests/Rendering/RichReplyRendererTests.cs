using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Rendering;

/// <summary>Web Chat, Direct Line, the Emulator and other Bot Framework channels with buttons.</summary>
public sealed class RichReplyRendererTests
{
    [Fact]
    public void The_sample_turn_is_markdown_with_contact_buttons_and_full_labels_on_web_chat()
    {
        var activities = Replies.Render("webchat", Replies.SampleTurn());

        Assert.Equal(3, activities.Count);
        Assert.All(activities, a => Assert.Equal(TextFormatTypes.Markdown, a.TextFormat));
        Assert.Equal("If you are in danger, call **911**. See [the guide](https://example.org/guide).", activities[0].Text);
        Assert.Equal("**Test Line** — Mon–Fri 9–5 (Open now)  \nCall: [1-800-555-0100](tel:+18005550100)  \nText: [686868](sms:686868)  \nFor everyone.",
            activities[1].Text);
        var contacts = Assert.IsType<HeroCard>(Assert.Single(activities[1].Attachments).Content).Buttons;
        Assert.Equal([ActionTypes.Call, ActionTypes.OpenUrl, ActionTypes.OpenUrl], contacts.Select(b => b.Type));
        Assert.Equal(["tel:+18005550100", "sms:686868", "https://example.org"], contacts.Select(b => (string)b.Value));
        Assert.Equal("Sorry, I didn't get that. Pick a button, or tell me in a few words.", activities[2].Text);
        var actions = activities[2].SuggestedActions.Actions;
        Assert.Equal(["Yes", "Tell an adult you trust", "Menu"], actions.Select(a => a.Title));
        Assert.Equal(["yes", "tell_adult", "menu"], actions.Select(a => (string)a.Value));
        Assert.Equal(["service:test", "test_menu"], activities.Skip(1).Select(Replies.ResponseKey));
    }

    [Fact]
    public void Webchat_gets_message_back_suggested_actions_with_stable_ids()
    {
        var activity = Assert.Single(Replies.Render("webchat", Replies.WithChoices(3)));

        var actions = activity.SuggestedActions.Actions;
        Assert.Equal(["option_1", "option_2", "option_3"], actions.Select(a => (string)a.Value));
        Assert.All(actions, a => Assert.Equal(ActionTypes.MessageBack, a.Type));
        Assert.Equal(["Option 1", "Option 2", "Option 3"], actions.Select(a => a.Title));
        Assert.Equal(["Option 1", "Option 2", "Option 3"], actions.Select(a => a.DisplayText));
        Assert.Empty(activity.Attachments ?? []);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
        Assert.Equal("test_menu", Replies.ResponseKey(activity));
        Assert.Equal("en", activity.Locale);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("emulator")]
    [InlineData("directline")]
    public void Button_titles_are_the_full_label(string channel)
    {
        const string label = "Add the bot to a site or a school page";
        var reply = new BotReply("test_menu", [Paragraph.Of("Pick.")], [new ReplyChoice("embed", label, "Add to a site")], "en");

        var action = Assert.Single(Assert.Single(Replies.Render(channel, reply)).SuggestedActions.Actions);

        Assert.Equal(label, action.Title);
        Assert.Equal(label, action.DisplayText);
        Assert.Equal("embed", action.Value);
    }

    [Fact]
    public void Imback_channels_send_the_full_label_the_engine_recognises()
    {
        var reply = new BotReply("test_menu", [Paragraph.Of("Pick.")], [new ReplyChoice("long", "A label that is much too long for a button")], "en");

        var action = Assert.Single(Assert.Single(Replies.Render("telegram", reply)).SuggestedActions.Actions);

        Assert.Equal(ActionTypes.ImBack, action.Type);
        Assert.Equal("A label that is much too long for a button", action.Title);
        Assert.Equal("A label that is much too long for a button", action.Value);
    }

    [Fact]
    public void A_channel_without_markdown_gets_plain_text_and_still_its_buttons()
    {
        var activities = Replies.Render("facebook", Replies.SampleTurn("fr"));

        Assert.Equal("If you are in danger, call 911. See the guide (https://example.org/guide).", activities[0].Text);
        Assert.StartsWith("Test Line — Mon–Fri 9–5 (Open now)\nCall: 1-800-555-0100\n", activities[1].Text, StringComparison.Ordinal);
        Assert.Equal("Sorry, I didn't get that. Choisis un bouton, ou dis-le-moi en quelques mots.", activities[2].Text);
        Assert.Equal(3, activities[2].SuggestedActions.Actions.Count);
    }

    [Fact]
    public void More_choices_than_buttons_are_numbered_and_the_hint_says_so()
    {
        var reprompt = new BotReply("test_menu", [new Paragraph([AnswerHintRun.Instance])],
            [.. Enumerable.Range(1, 11).Select(n => new ReplyChoice($"option_{n}", $"Option {n}"))], "en");

        var activity = Assert.Single(Replies.Render("facebook", reprompt));

        Assert.StartsWith("Reply with a number from the list, or tell me in a few words.\n1. Option 1\n", activity.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n11. Option 11\n\nReply with a number from 1 to 11.", activity.Text, StringComparison.Ordinal);
        Assert.Null(activity.SuggestedActions);
    }

    [Fact]
    public void Each_reply_keeps_its_own_response_key()
    {
        var activities = Replies.Render("webchat", Replies.Text("One."), Replies.WithChoices(2));

        Assert.Equal(["test_text", "test_menu"], activities.Select(Replies.ResponseKey));
        Assert.Equal(InputHints.AcceptingInput, activities[0].InputHint);
    }
}
