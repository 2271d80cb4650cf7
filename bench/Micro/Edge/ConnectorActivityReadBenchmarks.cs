using System.Text;
using AwarenessBot.Edge.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Micro.Edge;

/// <summary>
/// Reading one <c>/api/messages</c> body (a typical Emulator message, 0.8 KB). <c>TwoParses</c> is what the endpoint
/// did before: its own <c>JsonConvert</c> parse for the checks, then the body copied back into a stream for
/// CloudAdapter, which parsed it again with its own serializer (the SDK's <c>HttpHelper.ReadRequestAsync</c>: a
/// MemoryStream copy, a StreamReader, <c>BotMessageSerializer</c>). <c>OneParse</c> is what it does now
/// (<c>ConnectorActivityJson</c>: one kept serializer with the SDK's settings, the checked Activity handed on).
/// The settings are written out here because the host's class is internal and the SDK's <c>HttpHelper</c> needs
/// ASP.NET Core, which this console project does not load.
/// </summary>
[MemoryDiagnoser]
public class ConnectorActivityReadBenchmarks
{
    private const string Body = """
        {"type":"message","id":"f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d","timestamp":"2026-12-06T10:00:00.000Z",
         "localTimestamp":"2026-12-06T05:00:00.000-05:00","serviceUrl":"http://127.0.0.1:9/","channelId":"emulator",
         "from":{"id":"user-000123","name":"User","role":"user"},"conversation":{"id":"conv-000123"},
         "recipient":{"id":"bot","name":"Bot","role":"bot"},"textFormat":"plain","locale":"en-US",
         "text":"I am 14 and I live in Ontario","deliveryMode":"expectReplies",
         "entities":[{"type":"ClientCapabilities","requiresBotState":true,"supportsListening":true,"supportsTts":true}],
         "channelData":{"clientActivityID":"1733479200000abc","clientTimestamp":"2026-12-06T10:00:00.000Z"}}
        """;

    /// <summary>The endpoint's old settings (JsonConvert builds a serializer from them on every call).</summary>
    private static readonly JsonSerializerSettings OldEndpointSettings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MaxDepth = 32,
    };

    /// <summary>The SDK's <c>HttpHelper.BotMessageSerializerSettings</c> (reading is what matters here).</summary>
    private static JsonSerializerSettings SdkSettings() => new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.Indented,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
        ContractResolver = new Microsoft.Rest.Serialization.ReadOnlyJsonContractResolver(),
        Converters = [new Microsoft.Rest.Serialization.Iso8601TimeSpanConverter()],
    };

    private static readonly JsonSerializer SdkSerializer = JsonSerializer.Create(SdkSettings());

    private static readonly JsonSerializer Kept = JsonSerializer.Create(new JsonSerializerSettings(SdkSettings()) { MaxDepth = 32, CheckAdditionalContent = true });

    [Benchmark(Baseline = true)]
    public Activity? TwoParses()
    {
        var checkedActivity = JsonConvert.DeserializeObject<Activity>(Body, OldEndpointSettings);
        var bytes = Encoding.UTF8.GetBytes(Body);
        using var body = new MemoryStream(bytes, writable: false);
        using var copy = new MemoryStream();
        body.CopyTo(copy);
        copy.Position = 0;
        using var reader = new JsonTextReader(new StreamReader(copy, Encoding.UTF8)) { MaxDepth = null };
        var adapterActivity = SdkSerializer.Deserialize<Activity>(reader);
        return checkedActivity is null ? null : adapterActivity;
    }

    [Benchmark]
    public Activity? OneParse()
    {
        using var reader = new JsonTextReader(new StringReader(Body));
        return Kept.Deserialize<Activity>(reader);
    }

    /// <summary>The endpoint's read since perf15 (<c>ConnectorActivityJson</c>): the reader's buffers from the shared pool.</summary>
    [Benchmark]
    public Activity? OneParsePooledBuffers()
    {
        using var reader = new JsonTextReader(new StringReader(Body)) { ArrayPool = SharedCharArrayPool.Instance };
        return Kept.Deserialize<Activity>(reader);
    }
}
