using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Rendering;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Rendering;

public sealed class ReplyRendererTests
{
    [Fact]
    public void Webchat_gets_message_back_suggested_actions_with_stable_ids()
    {
        var activity = Assert.Single(ReplyRenderer.Render([Replies.WithChoices(3)], "webchat"));

        var actions = activity.SuggestedActions.Actions;
        Assert.Equal(["option_1", "option_2", "option_3"], actions.Select(a => (string)a.Value));
        Assert.All(actions, a => Assert.Equal(ActionTypes.MessageBack, a.Type));
        Assert.Equal(["Option 1", "Option 2", "Option 3"], actions.Select(a => a.Title));
        Assert.Equal(["Option 1", "Option 2", "Option 3"], actions.Select(a => a.DisplayText));
        Assert.Empty(activity.Attachments ?? []);
        Assert.Equal(TextFormatTypes.Markdown, activity.TextFormat);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
        Assert.Equal("test_menu", Replies.ResponseKey(activity));
        Assert.Equal("en", activity.Locale);
    }

    [Fact]
    public void Teams_uses_suggested_actions_up_to_three()
    {
        var activity = Assert.Single(ReplyRenderer.Render([Replies.WithChoices(3)], "msteams"));

        Assert.Equal(3, activity.SuggestedActions.Actions.Count);
        Assert.Empty(activity.Attachments ?? []);
    }

    [Fact]
    public void Teams_suggested_actions_are_imback()
    {
        var activity = Assert.Single(ReplyRenderer.Render([Replies.WithChoices(3)], "msteams"));

        Assert.All(activity.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal(["Option 1", "Option 2", "Option 3"], activity.SuggestedActions.Actions.Select(a => (string)a.Value));
    }

    [Fact]
    public void Teams_card_buttons_send_stable_ids()
    {
        var card = (HeroCard)Assert.Single(Assert.Single(ReplyRenderer.Render([Replies.WithChoices(4)], "msteams")).Attachments).Content;

        Assert.All(card.Buttons, b => Assert.Equal(ActionTypes.MessageBack, b.Type));
    }

    [Fact]
    public void Teams_uses_a_hero_card_beyond_three_choices()
    {
        var activity = Assert.Single(ReplyRenderer.Render([Replies.WithChoices(4)], "msteams"));

        Assert.Null(activity.SuggestedActions);
        var card = Assert.IsType<HeroCard>(Assert.Single(activity.Attachments).Content);
        Assert.Equal(["option_1", "option_2", "option_3", "option_4"], card.Buttons.Select(b => (string)b.Value));
    }

    [Theory]
    [InlineData("sms", "en", "Reply 1, 2 or 3.")]
    [InlineData("twilio-sms", "fr", "Réponds 1, 2 ou 3.")]
    [InlineData("whatsapp", "es", "Responde 1, 2 o 3.")]
    [InlineData("unknown-channel", "tl", "Sumagot ng 1, 2 o 3.")]
    public void Text_channels_get_a_numbered_list_in_the_reply_language(string channel, string locale, string prompt)
    {
        var activity = Assert.Single(ReplyRenderer.Render([Replies.WithChoices(3, locale)], channel));

        Assert.Equal($"Pick one.\n1. Option 1\n2. Option 2\n3. Option 3\n\n{prompt}", activity.Text);
        Assert.Equal(TextFormatTypes.Plain, activity.TextFormat);
        Assert.Null(activity.SuggestedActions);
        Assert.Empty(activity.Attachments ?? []);
        Assert.Equal("test_menu", Replies.ResponseKey(activity));
    }

    [Fact]
    public void A_single_choice_asks_for_1()
    {
        var activity = Assert.Single(ReplyRenderer.Render([Replies.WithChoices(1)], "sms"));

        Assert.EndsWith("\n\nReply 1.", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_channels_get_markdown_stripped_and_links_written_out()
    {
        var reply = Replies.Text("**Important:** see [the guide](https://example.org/guide) or https://example.org.");

        var sms = Assert.Single(ReplyRenderer.Render([reply], "sms"));
        var web = Assert.Single(ReplyRenderer.Render([reply], "webchat"));

        Assert.Equal("Important: see the guide (https://example.org/guide) or https://example.org.", sms.Text);
        Assert.Equal(reply.Text, web.Text);
    }

    [Fact]
    public void A_link_whose_label_is_its_url_is_written_once()
    {
        var sms = Assert.Single(ReplyRenderer.Render([Replies.Text("[https://example.org](https://example.org)")], "sms"));

        Assert.Equal("https://example.org", sms.Text);
    }

    [Fact]
    public void Call_and_link_choices_become_call_and_open_url_actions()
    {
        var reply = new BotReply("test_service", "A service.",
            [new ReplyChoice("Call", "tel:+15550100", ChoiceKind.Call), new ReplyChoice("Website", "https://example.org", ChoiceKind.Link), new ReplyChoice("Menu", "menu")],
            "en");

        var actions = Assert.Single(ReplyRenderer.Render([reply], "webchat")).SuggestedActions.Actions;

        Assert.Equal([ActionTypes.Call, ActionTypes.OpenUrl, ActionTypes.MessageBack], actions.Select(a => a.Type));
        Assert.Equal(["tel:+15550100", "https://example.org", "menu"], actions.Select(a => (string)a.Value));
    }

    [Fact]
    public void On_text_channels_links_are_listed_and_only_replies_are_numbered()
    {
        var reply = new BotReply("test_service", "Call 555-0100.",
            [new ReplyChoice("Call", "tel:+15550100", ChoiceKind.Call), new ReplyChoice("Website", "https://example.org", ChoiceKind.Link), new ReplyChoice("Menu", "menu")],
            "en");

        var sms = Assert.Single(ReplyRenderer.Render([reply], "sms"));

        Assert.Equal("Call 555-0100.\nWebsite: https://example.org\n1. Menu\n\nReply 1.", sms.Text);
    }

    [Fact]
    public void Button_titles_are_at_most_twenty_characters()
    {
        var reply = new BotReply("test_menu", "Pick.", [new ReplyChoice("A label that is much too long for a button", "long")], "en");

        var action = Assert.Single(Assert.Single(ReplyRenderer.Render([reply], "webchat")).SuggestedActions.Actions);

        Assert.Equal(ChannelCapabilities.MaxButtonTitleLength, action.Title.Length);
        Assert.EndsWith("…", action.Title, StringComparison.Ordinal);
        Assert.Equal("long", action.Value);
    }

    [Fact]
    public void Imback_channels_send_the_full_label_the_engine_recognises()
    {
        var reply = new BotReply("test_menu", "Pick.", [new ReplyChoice("A label that is much too long for a button", "long")], "en");

        var action = Assert.Single(Assert.Single(ReplyRenderer.Render([reply], "telegram")).SuggestedActions.Actions);

        Assert.Equal(ActionTypes.ImBack, action.Type);
        Assert.Equal("A label that is much too long for a button", action.Value);
    }

    [Fact]
    public void Contact_buttons_before_the_last_reply_are_card_buttons_on_web_chat()
    {
        var service = new BotReply("service:test", "**A service**", [new ReplyChoice("Website", "https://example.org", ChoiceKind.Link)], "en");

        var activities = ReplyRenderer.Render([service, Replies.WithChoices(3)], "webchat");

        Assert.Null(activities[0].SuggestedActions);
        var card = Assert.IsType<HeroCard>(Assert.Single(activities[0].Attachments).Content);
        Assert.Equal(ActionTypes.OpenUrl, Assert.Single(card.Buttons).Type);
        Assert.Equal(3, activities[1].SuggestedActions.Actions.Count);
    }

    [Fact]
    public void Each_reply_keeps_its_own_response_key()
    {
        var activities = ReplyRenderer.Render([Replies.Text("One."), Replies.WithChoices(2)], "webchat");

        Assert.Equal(["test_text", "test_menu"], activities.Select(Replies.ResponseKey));
        Assert.Equal(InputHints.AcceptingInput, activities[0].InputHint);
    }
}
