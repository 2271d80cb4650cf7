using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Rendering;

/// <summary>Teams: Markdown, at most three suggested actions and those only imBack; hero-card buttons send stable ids.</summary>
public sealed class TeamsReplyRenderingTests
{
    [Fact]
    public void The_sample_turn_has_imback_suggested_actions_with_full_labels_and_contact_card_buttons()
    {
        var activities = Replies.Render("msteams", Replies.SampleTurn());

        Assert.Equal("If you are in danger, call **911**. See [the guide](https://example.org/guide).", activities[0].Text);
        var contacts = Assert.IsType<HeroCard>(Assert.Single(activities[1].Attachments).Content).Buttons;
        Assert.Equal([ActionTypes.Call, ActionTypes.OpenUrl, ActionTypes.OpenUrl], contacts.Select(b => b.Type));
        var actions = activities[2].SuggestedActions.Actions;
        Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal(["Yes", "Tell an adult you trust", "Menu"], actions.Select(a => (string)a.Value));
        Assert.Equal(["Yes", "Tell an adult you trust", "Menu"], actions.Select(a => a.Title));
        Assert.EndsWith("Pick a button, or tell me in a few words.", activities[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Beyond_three_choices_a_hero_card_whose_buttons_send_stable_ids()
    {
        var activity = Assert.Single(Replies.Render("msteams", Replies.WithChoices(4)));

        Assert.Null(activity.SuggestedActions);
        var card = Assert.IsType<HeroCard>(Assert.Single(activity.Attachments).Content);
        Assert.All(card.Buttons, b => Assert.Equal(ActionTypes.MessageBack, b.Type));
        Assert.Equal(["option_1", "option_2", "option_3", "option_4"], card.Buttons.Select(b => (string)b.Value));
        Assert.Equal(["Option 1", "Option 2", "Option 3", "Option 4"], card.Buttons.Select(b => b.Title));
    }
}
