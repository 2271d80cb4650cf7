using System.Buffers;
using System.Text;
using AwarenessBot.Edge.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace AwarenessBot.Edge.Tests.Replies;

/// <summary>
/// <see cref="ActivityJsonWriter"/> writes the bytes the SDK's serializer writes (<see cref="ConnectorReplyJson"/>'s
/// settings, which <c>ConnectorReplyJsonTests</c> holds to the SDK's apart from indentation), or nothing at all.
/// </summary>
public static class ActivityJsonWriterTests
{
    [Fact]
    public static void Representative_answers_are_the_serializers_bytes()
    {
        Assert.Equal(Serialized(Replies(Greeting())), Written(Replies(Greeting())));
        Assert.Equal(Serialized(Replies(CrisisTurn())), Written(Replies(CrisisTurn())));
        Assert.Equal(Serialized(new ExpectedReplies([])), Written(new ExpectedReplies([])));
        Assert.Equal(Serialized(new ExpectedReplies()), Written(new ExpectedReplies()));
    }

    [Fact]
    public static void Every_property_the_writer_knows_is_written_in_the_contracts_order()
    {
        var activity = Stamped(new Activity
        {
            Type = ActivityTypes.Message,
            Id = "id-1",
            Timestamp = new DateTimeOffset(2026, 12, 7, 5, 1, 2, 345, TimeSpan.FromHours(-5)).AddTicks(6789),
            LocalTimestamp = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero),
            LocalTimezone = "America/Toronto",
            TextFormat = "markdown",
            AttachmentLayout = "carousel",
            MembersAdded = [new ChannelAccount("u1", "User One", "user", "aad-1"), null!],
            MembersRemoved = [],
            TopicName = "topic",
            HistoryDisclosed = false,
            Locale = "fr-CA",
            Text = "texte",
            Speak = "<speak/>",
            InputHint = InputHints.IgnoringInput,
            Summary = "summary",
            SuggestedActions = new SuggestedActions(["u1", null!], [new CardAction(ActionTypes.PostBack, "t", "img", "tx", "dt", JObject.Parse("""{"a":[1,2.5,null,true,"x"]}"""), JToken.Parse("\"cd\"")) { ImageAltText = "alt" }, null!]),
            Action = "add",
            Label = "label",
            ValueType = "vt",
            Value = JObject.Parse("""{"n":-3000000000,"e":1e300,"z":0.0,"s":"\u2028","o":{}}"""),
            Name = "name",
            Code = EndOfConversationCodes.CompletedSuccessfully,
            Expiration = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(330)),
            Importance = "high",
            DeliveryMode = DeliveryModes.ExpectReplies,
            ListenFor = ["a", "b"],
            CallerId = "urn:botframework:azure",
            ChannelData = JValue.CreateNull(),
        });
        activity.Conversation = new ConversationAccount(true, "group", "conv", "Conv", "aad", "bot", "tenant");
        activity.Conversation.Properties["extra"] = JToken.Parse("[1,{\"b\":null}]");
        activity.From.Properties["x"] = null;
        activity.Properties["ext"] = "value";
        activity.Properties["nothing"] = JValue.CreateNull();
        activity.Attachments =
        [
            new Attachment("application/json", "https://x/y", JObject.Parse("""{"k":"v"}"""), "n", "https://t"),
            new HeroCard("Title", "Sub", "Text", [new CardImage("https://i", "alt", new CardAction(ActionTypes.OpenUrl, value: "https://o")), null!], [], new CardAction(ActionTypes.ImBack, value: "tap")).ToAttachment(),
            new Attachment("text/plain", content: "plain text"),
            new Attachment("text/plain"),
            null!,
        ];
        activity.Attachments[0].Properties["p"] = 1;
        var entity = new Entity("mention");
        entity.Properties["mentioned"] = JObject.Parse("""{"id":"u1"}""");
        entity.Properties["text"] = "<at>u1</at>";
        entity.Properties["none"] = JValue.CreateNull();
        activity.Entities = [entity, new Entity(), null!];

        var body = Replies([activity, null!]);

        Assert.Equal(Serialized(body), Written(body));
    }

    [Fact]
    public static void Strings_are_escaped_as_the_serializer_escapes_them()
    {
        var every = new StringBuilder();
        for (var c = 0; c < 0x3000; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                every.Append((char)c);
            }
        }

        string[] texts =
        [
            every.ToString(),
            "é “q” \\ \" \n\r\t\b\f\u0000\u001f\u007f\u0085\u2028\u2029 🙂 <b>&amp;</b> 'x' /",
            "lone \ud83d surrogate \ude42 and a pair 🙂\n",
            "\ud83d",
            string.Empty,
            new string('x', 100_000) + "\n" + new string('é', 50_000),
        ];
        foreach (var text in texts)
        {
            var activity = Stamped((Activity)MessageFactory.Text(text));
            activity.ChannelData = new JObject { [text] = text };
            Assert.Equal(Serialized(Replies([activity])), Written(Replies([activity])));
        }

        var random = new Random(17);
        for (var i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(4) switch { 0 => (char)random.Next(0, 0x80), 1 => (char)random.Next(0, 0x10000), 2 => "\"\\\n\u2028\u0085é🙂"[random.Next(8)], _ => 'a' };
            }

            var activity = Stamped((Activity)MessageFactory.Text(new string(chars)));
            Assert.Equal(Serialized(Replies([activity])), Written(Replies([activity])));
        }
    }

    [Fact]
    public static void What_it_does_not_know_is_left_to_the_serializer_with_nothing_written()
    {
        object[] bodies =
        [
            new { status = "ok" },
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { ChannelData = new { key = "anonymous object" } })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { Value = 42 })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { ChannelData = new JObject { ["d"] = new DateTime(2026, 1, 1) } })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { ChannelData = new JObject { ["big"] = new JValue(System.Numerics.BigInteger.Pow(10, 30)) } })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { ChannelData = new JObject { ["nan"] = double.NaN } })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { ReactionsAdded = [new MessageReaction("like")] })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { SemanticAction = new SemanticAction("a") })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { Attachments = [new ThumbnailCard("t").ToAttachment()] })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message) { Entities = [new Mention(new ChannelAccount("u"), "<at>u</at>")] })]),
            new ExpectedReplies([Stamped(new Activity(ActivityTypes.Message)).With(a => a.Recipient = new Microsoft.Bot.Schema.Teams.TeamsChannelAccount { Id = "u" })]),
        ];
        foreach (var body in bodies)
        {
            var output = new ArrayBufferWriter<byte>();
            Assert.False(ActivityJsonWriter.TryWrite(body, output), Serialized(body));
            Assert.Equal(0, output.WrittenCount);

            // And the answer is still written, by the serializer.
            var answer = new ArrayBufferWriter<byte>();
            ConnectorReplyJson.Write(body, answer);
            Assert.Equal(Serialized(body), Encoding.UTF8.GetString(answer.WrittenSpan));
        }
    }

    [Fact]
    public static void The_writer_knows_every_property_of_the_types_it_writes()
    {
        // A new SDK version that adds a property to one of these types must fail here, not drop it from answers.
        var resolver = new Microsoft.Rest.Serialization.ReadOnlyJsonContractResolver();
        string[] Names(Type type) => [.. ((JsonObjectContract)resolver.ResolveContract(type)).Properties.Where(p => !p.Ignored).Select(p => p.PropertyName!)];

        Assert.Equal(
            "type id timestamp localTimestamp localTimezone serviceUrl channelId from conversation recipient textFormat attachmentLayout membersAdded membersRemoved reactionsAdded reactionsRemoved topicName historyDisclosed locale text speak inputHint summary suggestedActions attachments entities channelData action replyToId label valueType value name relatesTo code expiration importance deliveryMode listenFor textHighlights semanticAction callerId",
            string.Join(' ', Names(typeof(Activity))));
        Assert.Equal("id name aadObjectId role", string.Join(' ', Names(typeof(ChannelAccount))));
        Assert.Equal("isGroup conversationType id name aadObjectId role tenantId", string.Join(' ', Names(typeof(ConversationAccount))));
        Assert.Equal("to actions", string.Join(' ', Names(typeof(SuggestedActions))));
        Assert.Equal("type title image text displayText value channelData imageAltText", string.Join(' ', Names(typeof(CardAction))));
        Assert.Equal("contentType contentUrl content name thumbnailUrl", string.Join(' ', Names(typeof(Attachment))));
        Assert.Equal("title subtitle text images buttons tap", string.Join(' ', Names(typeof(HeroCard))));
        Assert.Equal("url alt tap", string.Join(' ', Names(typeof(CardImage))));
        Assert.Equal("type", string.Join(' ', Names(typeof(Entity))));
        Assert.Equal("activities", string.Join(' ', Names(typeof(ExpectedReplies))));
    }

    [Fact]
    public static void A_buffer_kept_from_a_large_answer_gives_the_same_bytes_again()
    {
        var large = Replies([Stamped((Activity)MessageFactory.Text(new string('x', 200_000)))]);
        Assert.Equal(Serialized(large), Written(large));
        Assert.Equal(Serialized(Replies(CrisisTurn())), Written(Replies(CrisisTurn())));
        Assert.Equal(Written(Replies(CrisisTurn())), Written(Replies(CrisisTurn())));
    }

    private static Activity With(this Activity activity, Action<Activity> change)
    {
        change(activity);
        return activity;
    }

    private static ExpectedReplies Replies(IEnumerable<Activity> activities) => new([.. activities]);

    private static string Written(object body)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.True(ActivityJsonWriter.TryWrite(body, output));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Serialized(object body)
    {
        var output = new ArrayBufferWriter<byte>();
        ConnectorReplyJson.WriteWithSerializer(body, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>What the SDK stamps on an outgoing activity (the conversation reference), as in the product's answers.</summary>
    private static Activity Stamped(Activity activity)
    {
        activity.ServiceUrl = "http://127.0.0.1:1/";
        activity.ChannelId = "emulator";
        activity.From = new ChannelAccount("bot", role: "bot");
        activity.Conversation ??= new ConversationAccount(id: "c1");
        activity.Recipient = new ChannelAccount("u1", role: "user");
        activity.ReplyToId = "a1";
        return activity;
    }

    /// <summary>As the product writes them (OutgoingActivity.From): text, locale, format, hint, choices, channelData.</summary>
    private static Activity Message(string text, string responseKey, string? inputHint = null, string[]? choices = null, JObject? triage = null, string[]? buttons = null)
    {
        var activity = (Activity)MessageFactory.Text(text);
        activity.Locale = "en";
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.InputHint = inputHint ?? InputHints.AcceptingInput;
        if (choices is not null)
        {
            activity.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => new CardAction(ActionTypes.MessageBack, c, text: c.ToLowerInvariant(), displayText: c, value: c.ToLowerInvariant()))] };
        }

        if (buttons is not null)
        {
            activity.Attachments = [new HeroCard { Buttons = [.. buttons.Select(b => new CardAction(b.StartsWith("tel:", StringComparison.Ordinal) ? ActionTypes.Call : ActionTypes.OpenUrl, b.StartsWith("tel:", StringComparison.Ordinal) ? "Call" : "Website", value: b))] }.ToAttachment()];
        }

        var channelData = new JObject { ["responseKey"] = responseKey };
        if (triage is not null)
        {
            channelData["triage"] = triage;
        }

        activity.ChannelData = channelData;
        return Stamped(activity);
    }

    private static IEnumerable<Activity> Greeting() =>
    [
        Message("Hi. I'm AwarenessBot, a chat **bot**. I am not a person and not the police.", "system_welcome_intro"),
        Message("I don't ask your name or address. I don't keep what you type.", "system_welcome_intro"),
        Message("Which language do you want? You can change it any time.", "system_welcome_language", InputHints.ExpectingInput, ["English", "Français", "Español", "Tagalog"]),
    ];

    private static IEnumerable<Activity> CrisisTurn()
    {
        var triage = new JObject { ["category"] = "immediate_danger", ["severity"] = "high", ["rule"] = "danger.violence_now" };
        return
        [
            Message("If you are in danger **now**, call 911. Tu n'es pas seul·e — “help” is here.", "system_crisis_immediate_danger", triage: triage),
            Message("Call", "service:ca_911", triage: triage, buttons: ["tel:911"]),
            Message("Canadian Human Trafficking Hotline", "service:ca_human_trafficking_hotline", triage: triage, buttons: ["tel:+18339001010", "https://www.canadianhumantraffickinghotline.ca/chat/"]),
            Message("What would you like to do?", "system_continue_or_menu", InputHints.ExpectingInput, ["Continue", "Main menu"], triage),
            (Activity)Activity.CreateEndOfConversationActivity(),
        ];
    }
}
