using System.Buffers;
using System.Text;
using AwarenessBot.Edge.Replies;
using BenchmarkDotNet.Attributes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Micro.Edge;

/// <summary>
/// Writing one <c>/api/messages</c> expectReplies answer: four activities as a typical turn of the bench's script sends
/// them (a Markdown paragraph, a question with three suggested actions, a hero card of service buttons, each with the
/// conversation reference the adapter stamps on). <c>SdkIndented</c> is what the SDK's
/// <c>HttpHelper.WriteResponseAsync</c> does (its serializer settings, indented, into a fresh MemoryStream through a
/// StreamWriter, then copied to the response); <c>Kept</c> is what the endpoint does now
/// (<see cref="ConnectorReplyJson"/>: the same settings unindented, a builder kept per thread, UTF-8 straight into the
/// response's buffer, here a reused <see cref="ArrayBufferWriter{T}"/>), which since perf10 goes through
/// <see cref="ActivityJsonWriter"/> (the same bytes, no serializer); <c>KeptSerializer</c> is that kept serializer
/// path alone (what <c>Kept</c> measured before perf10).
/// </summary>
[MemoryDiagnoser]
public class ConnectorReplyWriteBenchmarks
{
    private static readonly JsonSerializer SdkSerializer = JsonSerializer.Create(new JsonSerializerSettings(ConnectorReplyJson.Settings()) { Formatting = Formatting.Indented });

    private readonly ArrayBufferWriter<byte> _response = new(16 * 1024);
    private readonly MemoryStream _sdkResponse = new(16 * 1024);
    private ExpectedReplies _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var paragraph = MessageFactory.Text("**Online grooming** is when someone builds trust with a young person to use them. It can start with compliments, gifts or game items, and move to secrets and requests for photos. [Learn more](https://www.cybertip.ca/en/online-harms/grooming/).");
        paragraph.TextFormat = "markdown";
        var question = MessageFactory.SuggestedActions((IEnumerable<string>)["Tell me more", "Get help", "Something else"], "What would you like to do next?", ssml: null, inputHint: null);
        question.InputHint = InputHints.ExpectingInput;
        var card = MessageFactory.Attachment(new HeroCard
        {
            Title = "Canadian Human Trafficking Hotline",
            Text = "24/7, free, confidential, 200+ languages",
            Buttons = [new CardAction(ActionTypes.Call, "Call", value: "tel:+18339001010"), new CardAction(ActionTypes.OpenUrl, "Website", value: "https://www.canadianhumantraffickinghotline.ca/")],
        }.ToAttachment());
        var closing = MessageFactory.Text("You can ask me anything else, or type **stop** to end.");
        List<Activity> activities = [(Activity)paragraph, (Activity)question, (Activity)card, (Activity)closing];
        foreach (var activity in activities)
        {
            activity.Locale = "en";
            activity.ChannelId = "emulator";
            activity.ServiceUrl = "http://127.0.0.1:9/";
            activity.Conversation = new ConversationAccount(id: "conv-000123");
            activity.From = new ChannelAccount("bot", "Bot", RoleTypes.Bot);
            activity.Recipient = new ChannelAccount("user-000123", "User", RoleTypes.User);
            activity.ReplyToId = "f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
            activity.ChannelData = Newtonsoft.Json.Linq.JObject.Parse("""{"responseKey":"topic.online_grooming"}""");
        }

        _body = new ExpectedReplies(activities);
    }

    [Benchmark(Baseline = true)]
    public long SdkIndented()
    {
        _sdkResponse.SetLength(0);
        using (var memoryStream = new MemoryStream())
        {
            using (var writer = new StreamWriter(memoryStream, new UTF8Encoding(false, false), 1024, true))
            using (var jsonWriter = new JsonTextWriter(writer))
            {
                SdkSerializer.Serialize(jsonWriter, _body);
            }

            memoryStream.Seek(0, SeekOrigin.Begin);
            memoryStream.CopyTo(_sdkResponse);
        }

        return _sdkResponse.Length;
    }

    [Benchmark]
    public long KeptSerializer()
    {
        _response.ResetWrittenCount();
        ConnectorReplyJson.WriteWithSerializer(_body, _response);
        return _response.WrittenCount;
    }

    [Benchmark]
    public long Kept()
    {
        _response.ResetWrittenCount();
        ConnectorReplyJson.Write(_body, _response);
        return _response.WrittenCount;
    }
}

/// <summary>
/// One message's channelData (its response key and, on a risk turn, the triage mark) made into the Newtonsoft token
/// the SDK's Activity carries: <c>TextRoundTrip</c> is what <c>OutgoingActivity</c> did (System.Text.Json text, then
/// <c>JObject.Parse</c>), <c>Walked</c> what it does now (<see cref="JsonNodeTokens"/>).
/// </summary>
[MemoryDiagnoser]
public class ChannelDataTokenBenchmarks
{
    private readonly System.Text.Json.Nodes.JsonObject _channelData = new()
    {
        ["responseKey"] = "crisis.danger.intro",
        ["triage"] = new System.Text.Json.Nodes.JsonObject { ["category"] = "danger", ["severity"] = "high", ["rule"] = "frame:threat" },
    };

    [Benchmark(Baseline = true)]
    public object TextRoundTrip() => Newtonsoft.Json.Linq.JObject.Parse(_channelData.ToJsonString());

    [Benchmark]
    public object Walked() => JsonNodeTokens.ToJToken(_channelData);
}
