using System.Text.Json.Nodes;
using AwarenessBot.BotFramework;
using AwarenessBot.DirectLine;
using AwarenessBot.Tests.Rendering;
using AwarenessBot.Turns;
using Newtonsoft.Json;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>
/// The Direct Line channel writes the bot's messages with System.Text.Json from the host's own model; Web Chat must
/// see what it saw when they were SDK Activities serialised with Newtonsoft. So every field Web Chat reads (type,
/// text, textFormat, inputHint, locale, suggestedActions, hero-card attachments, entities, channelData, code) is
/// compared with the Bot Framework mapping of the same message, serialised as the channel used to.
/// </summary>
public sealed class DirectLineActivityJsonTests
{
    private static readonly DirectLineAddress Address = new("conv-1", "user-1", "awarenessbot", "AwarenessBot", "https://localhost/");

    private static readonly string[] Fields =
        ["type", "text", "textFormat", "inputHint", "locale", "suggestedActions", "attachments", "entities", "channelData", "code"];

    public static TheoryData<string> Channels => ["webchat", "msteams", "twilio-sms", "whatsapp-cloud"];

    [Theory]
    [MemberData(nameof(Channels))]
    public void Rendered_messages_are_written_as_the_sdk_wrote_them(string channelId)
    {
        var messages = Replies.RenderMessages(channelId, [.. Replies.SampleTurn(), Replies.WithChoices(12)]);

        Assert.All(messages, Same);
    }

    [Fact]
    public void Card_buttons_are_a_hero_card_attachment_and_choices_are_suggested_actions()
    {
        var messages = Replies.RenderMessages("webchat", Replies.SampleTurn());

        var card = DirectLineActivityJson.Reply(messages[1], Address, "a-1");
        var attachment = card["attachments"]!.AsArray().Single()!;
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)attachment["contentType"]);
        Assert.Equal(["call", "openUrl", "openUrl"], attachment["content"]!["buttons"]!.AsArray().Select(b => (string?)b!["type"]));
        var ask = DirectLineActivityJson.Reply(messages[2], Address, "a-1");
        Assert.Equal(["yes", "tell_adult", "menu"], ask["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["value"]));
        Assert.Equal("expectingInput", (string?)ask["inputHint"]);
        Assert.Equal("a-1", (string?)ask["replyToId"]);
    }

    [Fact]
    public void Triage_safe_replies_and_the_end_of_the_conversation_are_written_as_the_sdk_wrote_them()
    {
        var triage = new Engine.Abstractions.CrisisSignal("immediate_danger", "high") { Rule = "frame_x" };

        Same(TriageChannelData.Mark(Replies.RenderMessages("webchat", Replies.Text("Call 911.")), triage)[0]);
        Same(SafeErrorMessage.Create("webchat"));
        Same(SafeErrorMessage.Create("twilio-sms"));
        Same(OutgoingMessage.EndOfConversation);
    }

    [Fact]
    public void A_greeting_replies_to_no_activity()
    {
        var greeting = DirectLineActivityJson.Reply(Replies.RenderMessages("webchat", Replies.Text("Hello"))[0], Address, replyToId: null);

        Assert.False(greeting.ContainsKey("replyToId"));
        Assert.Equal("bot", (string?)greeting["from"]!["role"]);
        Assert.Equal("user-1", (string?)greeting["recipient"]!["id"]);
    }

    private static void Same(OutgoingMessage message)
    {
        var sdk = JsonNode.Parse(JsonConvert.SerializeObject(OutgoingActivity.From(message), new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }))!.AsObject();
        var ours = DirectLineActivityJson.Reply(message, Address, "a-1");

        foreach (var field in Fields)
        {
            Assert.True(
                JsonNode.DeepEquals(Canonical(sdk[field]), Canonical(ours[field])),
                $"{field}: SDK {sdk[field]?.ToJsonString() ?? "(none)"} but Direct Line {ours[field]?.ToJsonString() ?? "(none)"}");
        }
    }

    /// <summary>Properties in name order, so that only names and values are compared.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        _ => node?.DeepClone(),
    };
}
