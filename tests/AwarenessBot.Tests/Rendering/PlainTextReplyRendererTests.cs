using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Rendering;

/// <summary>SMS and other text-only channels: plain text, numbers and pages written out, full labels numbered.</summary>
public sealed class PlainTextReplyRendererTests
{
    [Fact]
    public void The_sample_turn_is_plain_text_with_numbers_written_out_and_full_labels_numbered()
    {
        var activities = Replies.Render("sms", Replies.SampleTurn());

        Assert.Equal(
        [
            "If you are in danger, call 911. See the guide (https://example.org/guide).",
            "Test Line — Mon–Fri 9–5 (Open now)\nCall: 1-800-555-0100\nText: 686868\nFor everyone.\nWebsite: https://example.org",
            "Sorry, I didn't get that. Reply with a number from the list, or tell me in a few words.\n1. Yes\n2. Tell an adult you trust\n3. Menu\n\nReply 1, 2 or 3.",
        ], activities.Select(a => a.Text));
        Assert.All(activities, a => Assert.Equal(TextFormatTypes.Plain, a.TextFormat));
        Assert.All(activities, a => Assert.Null(a.SuggestedActions));
        Assert.All(activities, a => Assert.Empty(a.Attachments ?? []));
        Assert.Equal(["test_text", "service:test", "test_menu"], activities.Select(Replies.ResponseKey));
    }

    [Theory]
    [InlineData("sms", "en", "Reply 1, 2 or 3.")]
    [InlineData("twilio-sms", "fr", "Réponds 1, 2 ou 3.")]
    [InlineData("whatsapp", "es", "Responder 1, 2 o 3.")]
    [InlineData("unknown-channel", "tl", "Sumagot ng 1, 2 o 3.")]
    public void Text_channels_get_a_numbered_list_in_the_reply_language(string channel, string locale, string prompt)
    {
        var activity = Assert.Single(Replies.Render(channel, Replies.WithChoices(3, locale)));

        Assert.Equal($"Pick one.\n1. Option 1\n2. Option 2\n3. Option 3\n\n{prompt}", activity.Text);
        Assert.Equal("test_menu", Replies.ResponseKey(activity));
    }

    [Theory]
    [InlineData(1, "en", "Reply 1.")]
    [InlineData(2, "fr", "Réponds 1 ou 2.")]
    [InlineData(14, "en", "Reply with a number from 1 to 14.")]
    [InlineData(14, "tl", "Sumagot ng numero mula 1 hanggang 14.")]
    public void The_prompt_under_the_list_fits_its_length(int count, string locale, string prompt)
    {
        var activity = Assert.Single(Replies.Render("sms", Replies.WithChoices(count, locale)));

        Assert.EndsWith("\n\n" + prompt, activity.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Reply with a number from the list, or tell me in a few words.")]
    [InlineData("fr", "Réponds avec un numéro de la liste, ou dis-le-moi en quelques mots.")]
    [InlineData("es", "Responder con un número de la lista, o escribirlo en pocas palabras.")]
    [InlineData("tl", "Sumagot ng numero mula sa listahan, o sabihin mo sa ilang salita.")]
    public void The_answer_hint_never_says_button(string locale, string hint)
    {
        var reply = new BotReply("system_reprompt", [new Paragraph([AnswerHintRun.Instance])], [new ReplyChoice("yes", "Yes")], locale);

        var activity = Assert.Single(Replies.Render("sms", reply));

        Assert.StartsWith(hint, activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("button", activity.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bouton", activity.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_link_whose_label_is_its_url_is_written_once()
    {
        var reply = new BotReply("test_text", [new Paragraph([new LinkRun("https://example.org", "https://example.org")])], [], "en");

        Assert.Equal("https://example.org", Assert.Single(Replies.Render("sms", reply)).Text);
    }
}
