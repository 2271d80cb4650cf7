using System.Text.Json.Nodes;
using AwarenessBot.Channels.Twilio;
using AwarenessBot.Channels.WhatsApp;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Tests.Rendering;

namespace AwarenessBot.Tests.Channels;

/// <summary>
/// Engine replies rendered for the direct channels: WhatsApp gets reply buttons (≤ 3), a list (≤ 10) or numbered
/// text, within the Cloud API's limits; SMS gets numbered text in bodies Twilio accepts.
/// </summary>
public sealed class WhatsAppReplyRendererTests
{
    private const string WaId = "15145550300";

    [Fact]
    public void The_sample_turn_is_plain_text_then_reply_buttons_with_short_titles()
    {
        var messages = Build(Replies.SampleTurn());

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal(WaId, (string?)m["to"]));
        Assert.Equal("If you are in danger, call 911. See the guide (https://example.org/guide).", Body(messages[0]));
        Assert.Equal("Test Line — Mon–Fri 9–5 (Open now)\nCall: 1-800-555-0100\nText: 686868\nFor everyone.\n\nWebsite: https://example.org", Body(messages[1]));
        var last = messages[2];
        Assert.Equal("button", (string?)last["interactive"]!["type"]);
        Assert.Equal("Sorry, I didn't get that. Pick a button, or tell me in a few words.", Body(last));
        var buttons = last["interactive"]!["action"]!["buttons"]!.AsArray();
        Assert.Equal(["yes", "tell_adult", "menu"], buttons.Select(b => (string?)b!["reply"]!["id"]));
        Assert.Equal(["Yes", "Tell an adult", "Menu"], buttons.Select(b => (string?)b!["reply"]!["title"]));
    }

    [Fact]
    public void Up_to_three_choices_become_reply_buttons_whose_ids_are_the_choice_ids()
    {
        var message = Assert.Single(Build([Replies.WithChoices(3)]));

        Assert.Equal("button", (string?)message["interactive"]!["type"]);
        Assert.Equal("Pick one.", Body(message));
        var buttons = message["interactive"]!["action"]!["buttons"]!.AsArray();
        Assert.Equal(["option_1", "option_2", "option_3"], buttons.Select(b => (string?)b!["reply"]!["id"]));
        Assert.Equal(["Option 1", "Option 2", "Option 3"], buttons.Select(b => (string?)b!["reply"]!["title"]));
    }

    [Fact]
    public void Three_choices_with_a_label_too_long_for_a_button_and_no_short_label_become_a_list_that_shows_it_whole()
    {
        const string longLabel = "Le dire à un adulte de confiance";
        var reply = new BotReply("test_menu", [Paragraph.Of("Que veux-tu faire?")], [new ReplyChoice("yes", "Oui"), new ReplyChoice("tell_adult", longLabel), new ReplyChoice("menu", "Menu")], "fr");

        var message = Assert.Single(Build([reply]));

        Assert.Equal("list", (string?)message["interactive"]!["type"]);
        var rows = message["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(["yes", "tell_adult", "menu"], rows.Select(r => (string?)r!["id"]));
        Assert.Equal(longLabel, (string?)rows[1]!["description"]);
        Assert.True(((string)rows[1]!["title"]!).Length <= WhatsAppReplyRenderer.MaxRowTitleLength);
    }

    [Fact]
    public void Four_to_ten_choices_become_a_list_with_the_short_label_as_title_and_the_full_label_in_the_description()
    {
        const string longLabel = "Tell an adult you trust about it today";
        var reply = new BotReply("test_menu", [Paragraph.Of("Pick one.")],
            [.. Enumerable.Range(1, 9).Select(n => new ReplyChoice($"option_{n}", $"Option {n}")), new ReplyChoice("tell_adult", longLabel, "Tell an adult")], "fr");

        var message = Assert.Single(Build([reply]));

        Assert.Equal("list", (string?)message["interactive"]!["type"]);
        var action = message["interactive"]!["action"]!;
        Assert.Equal("Choisir", (string?)action["button"]);
        var rows = action["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(10, rows.Count);
        var last = rows[^1]!;
        Assert.Equal("tell_adult", (string?)last["id"]);
        Assert.Equal("Tell an adult", (string?)last["title"]);
        Assert.Equal(longLabel, (string?)last["description"]);
        Assert.Null(rows[0]!["description"]);
    }

    [Fact]
    public void More_than_ten_choices_are_numbered_text_that_answers_by_number()
    {
        var message = Assert.Single(Build([Replies.WithChoices(12, "es")]));

        Assert.Equal("text", (string?)message["type"]);
        var body = Body(message);
        Assert.Contains("\n12. Option 12", body, StringComparison.Ordinal);
        Assert.EndsWith("Responder con un número del 1 al 12.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_longer_than_an_interactive_message_allows_goes_first_as_text()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 12).Select(n => $"Paragraph {n}: " + new string('a', 120) + "."));

        var messages = Build([Replies.WithChoices(2, text: text)]);

        Assert.True(messages.Count >= 2);
        Assert.All(messages.SkipLast(1), m => Assert.Equal("text", (string?)m["type"]));
        var last = messages[^1];
        Assert.Equal("button", (string?)last["interactive"]!["type"]);
        Assert.True(Body(last).Length <= WhatsAppReplyRenderer.MaxInteractiveBodyLength);
        Assert.Equal(text.Replace("\n\n", "", StringComparison.Ordinal), string.Concat(messages.Select(Body)).Replace("\n\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_made_without_the_engine_still_goes_out_as_text()
    {
        var outgoing = new AwarenessBot.Turns.OutgoingMessage { Text = "If you are in danger now, call 911." };

        var message = WhatsAppReplyRenderer.Message(outgoing, WaId)!;

        Assert.Equal("text", (string?)message["type"]);
        Assert.Equal("If you are in danger now, call 911.", Body(message));
    }

    [Fact]
    public void SMS_bodies_keep_numbered_choices_whole_within_Twilios_limit_and_HELP_ends_with_how_to_stop()
    {
        var reply = Replies.WithChoices(8, "fr", text: string.Join(' ', Enumerable.Repeat("Une phrase assez longue pour remplir un texto.", 40)));

        var bodies = TwilioReplySender.Bodies(Replies.RenderMessages("twilio-sms", reply), maxLength: 320, helpFooter: Replies.Wording);

        Assert.All(bodies, b => Assert.InRange(b.Length, 1, 320));
        Assert.Contains(bodies, b => b.Contains("\n1. Option 1", StringComparison.Ordinal) || b.StartsWith("1. Option 1", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, 8), n => Assert.Single(bodies, b => b.Contains($"{n}. Option {n}", StringComparison.Ordinal)));
        Assert.Contains("STOP", bodies[^1], StringComparison.Ordinal);
        Assert.StartsWith("AwarenessBot :", bodies[^1], StringComparison.Ordinal);
    }

    private static List<JsonObject> Build(BotReply[] replies) =>
        [.. Replies.RenderMessages(WhatsAppInbox.ChannelId, replies).Select(a => WhatsAppReplyRenderer.Message(a, WaId)!)];

    private static string Body(JsonObject message) =>
        (string?)message["text"]?["body"] ?? (string?)message["interactive"]?["body"]?["text"] ?? "";
}
