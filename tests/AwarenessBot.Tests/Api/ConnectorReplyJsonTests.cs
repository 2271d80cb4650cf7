using System.Buffers;
using System.Text;
using AwarenessBot.BotFramework;
using AwarenessBot.Edge.Replies;
using AwarenessBot.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Tests.Api;

/// <summary>
/// The /api/messages answer body is written by <see cref="ConnectorReplyJson"/> instead of the SDK's
/// <c>HttpHelper.WriteResponseAsync</c>: the same settings but indentation, so the same JSON apart from whitespace.
/// </summary>
public sealed class ConnectorReplyJsonTests
{
    [Fact]
    public void The_settings_are_the_SDKs_apart_from_indentation()
    {
        var sdk = HttpHelper.BotMessageSerializerSettings;
        var ours = ConnectorReplyJson.Settings();

        Assert.Equal(Formatting.Indented, sdk.Formatting);
        Assert.Equal(Formatting.None, ours.Formatting);
        Assert.Equal(sdk.NullValueHandling, ours.NullValueHandling);
        Assert.Equal(sdk.DateFormatHandling, ours.DateFormatHandling);
        Assert.Equal(sdk.DateTimeZoneHandling, ours.DateTimeZoneHandling);
        Assert.Equal(sdk.ReferenceLoopHandling, ours.ReferenceLoopHandling);
        Assert.Equal(sdk.DefaultValueHandling, ours.DefaultValueHandling);
        Assert.Equal(sdk.TypeNameHandling, ours.TypeNameHandling);
        Assert.Equal(sdk.StringEscapeHandling, ours.StringEscapeHandling);
        Assert.Equal(sdk.ContractResolver?.GetType(), ours.ContractResolver?.GetType());
        Assert.Equal(sdk.Converters.Select(c => c.GetType()), ours.Converters.Select(c => c.GetType()));
    }

    [Fact]
    public async Task An_expectReplies_answer_is_the_JSON_the_SDK_writes_without_its_indentation()
    {
        var body = new ExpectedReplies([.. SampleMessages().Select(OutgoingActivity.From)]);
        foreach (var activity in body.Activities)
        {
            activity.Conversation = new ConversationAccount(id: "conv-1");
            activity.From = new ChannelAccount("bot", "Bot");
            activity.Recipient = new ChannelAccount("user-1");
            activity.ReplyToId = "activity-1";
            activity.Timestamp = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(-5));
        }

        var answer = new InvokeResponse { Status = 200, Body = body };
        var sdk = new DefaultHttpContext();
        sdk.Response.Body = new MemoryStream();
        await HttpHelper.WriteResponseAsync(sdk.Response, answer);
        var sdkText = Encoding.UTF8.GetString(((MemoryStream)sdk.Response.Body).ToArray());

        var buffer = new ArrayBufferWriter<byte>();
        ConnectorReplyJson.Write(body, buffer);
        var ourText = Encoding.UTF8.GetString(buffer.WrittenSpan);

        Assert.DoesNotContain('\n', ourText);
        Assert.True(JToken.DeepEquals(JToken.Parse(sdkText), JToken.Parse(ourText)), ourText);
        Assert.Equal(Minified(sdkText), ourText);

        // A builder kept from the first call gives the same text again.
        var again = new ArrayBufferWriter<byte>();
        ConnectorReplyJson.Write(body, again);
        Assert.Equal(ourText, Encoding.UTF8.GetString(again.WrittenSpan));
    }

    [Fact]
    public void ChannelData_becomes_the_token_tree_parsing_its_text_would_give()
    {
        var channelData = new System.Text.Json.Nodes.JsonObject
        {
            ["responseKey"] = "crisis.danger",
            ["triage"] = new System.Text.Json.Nodes.JsonObject { ["category"] = "danger", ["severity"] = "high", ["rule"] = "frame:weapon" },
            ["list"] = new System.Text.Json.Nodes.JsonArray("a", 1, 2.5, true, null, -3000000000L, 1e300),
            ["flag"] = false,
            ["nothing"] = null,
            ["text"] = "é “q” \\ \" \n 🙂",
        };

        var walked = JsonNodeTokens.ToJToken(channelData);
        var parsed = JObject.Parse(channelData.ToJsonString());

        Assert.True(JToken.DeepEquals(parsed, walked), walked.ToString());
        Assert.Equal(parsed.ToString(Formatting.None), walked.ToString(Formatting.None));
        Assert.Equal(
            parsed.DescendantsAndSelf().OfType<JValue>().Select(v => (v.Type, v.Value?.GetType())),
            ((JObject)walked).DescendantsAndSelf().OfType<JValue>().Select(v => (v.Type, v.Value?.GetType())));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Typed_channel_data_gives_the_activity_the_tokens_and_text_of_its_json_object(bool triage, bool whatsApp)
    {
        var channelData = new MessageChannelData
        {
            ResponseKey = "system_crisis_immediate_danger",
            WhatsApp = whatsApp ? new System.Text.Json.Nodes.JsonObject { ["type"] = "text", ["text"] = new System.Text.Json.Nodes.JsonObject { ["preview_url"] = false, ["body"] = "é “q” 🙂" } } : null,
            Triage = triage ? new Engine.Abstractions.CrisisSignal("immediate_danger", "high") { Rule = "frame:weapon" } : null,
        };

        var token = (JObject)OutgoingActivity.From(new OutgoingMessage { Text = "x", ChannelData = channelData }).ChannelData;
        var parsed = JObject.Parse(channelData.ToJsonObject().ToJsonString()); // what the activity carried before: the JsonObject's text

        Assert.Equal(parsed.ToString(Formatting.None), token.ToString(Formatting.None));
        Assert.Equal(
            parsed.DescendantsAndSelf().OfType<JValue>().Select(v => (v.Type, v.Value?.GetType())),
            token.DescendantsAndSelf().OfType<JValue>().Select(v => (v.Type, v.Value?.GetType())));
        Assert.Equal(triage, token.ContainsKey("triage"));
        Assert.Equal(whatsApp, token.ContainsKey("whatsapp"));
    }

    private static string Minified(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        using var text = new StringWriter();
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            writer.WriteToken(reader);
        }

        return text.ToString();
    }

    private static IEnumerable<OutgoingMessage> SampleMessages()
    {
        yield return new OutgoingMessage
        {
            Text = "Hi! I'm here to help. **Nothing you say is stored** — “quotes”, é, 🙂, <b>, \"x\".",
            Locale = "en",
            TextFormat = MessageTextFormat.Markdown,
            ChannelData = new MessageChannelData { ResponseKey = "welcome" },
        };
        yield return new OutgoingMessage
        {
            Text = "How old are you?",
            Locale = "en",
            InputHint = MessageInputHint.ExpectingInput,
            SuggestedActions = [new MessageAction(MessageActionType.ImBack, "9–12", "9-12"), new MessageAction(MessageActionType.ImBack, "13–15", "13-15")],
            CardButtons = [new MessageAction(MessageActionType.Call, "Call", "tel:911")],
        };
        yield return OutgoingMessage.EndOfConversation;
    }
}
