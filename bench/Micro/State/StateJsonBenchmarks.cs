using AwarenessBot.Edge.State;
using AwarenessBot.Engine.Abstractions;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Micro.State;

/// <summary>
/// The JSON round trip the product's IStorage (src/AwarenessBot.Edge) does for each state object on every turn:
/// BotState keeps a dictionary of properties, the adapter writes it as text (<c>BotStateJson.ToStoredJson</c>), reads
/// it back into a JObject, and the property accessor converts with ToObject. Typical mid-module state: two frames, a
/// few values. The <c>ViaTree</c> rows keep the way it was written before (a JToken tree, then its text) for comparison.
/// </summary>
[MemoryDiagnoser]
public class StateJsonBenchmarks
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None });
    private Dictionary<string, object> _conversation = null!;
    private Dictionary<string, object> _user = null!;
    private string _conversationJson = "";

    [GlobalSetup]
    public void Setup()
    {
        var session = new DialogSessionState
        {
            Welcomed = true,
            SessionKey = "3f9c2b7a1d4e4f6a8b0c9d2e1f3a5b7c",
            Stack =
            [
                new DialogFrame { Flow = "youth_main", Step = "menu", Values = new() { ["age_band"] = "13-15", ["region"] = "ON" } },
                new DialogFrame { Flow = "module_online_safety", Step = "quiz_1", Retries = 1, Values = new() { ["module"] = "grooming_how_it_starts", ["page"] = "2" } },
            ],
        };
        var profile = new UserProfileState { Locale = "en", LocaleChosen = true, AgeBand = "13-15", Region = "ON", Audience = "youth" };
        _conversation = new Dictionary<string, object> { ["DialogSessionState"] = session };
        _user = new Dictionary<string, object> { ["UserProfileState"] = profile };
        _conversationJson = Write(_conversation);
    }

    /// <summary>Bytes of the typical conversation state as stored (also printed by bench/LoadGenerator --state-size for the real host).</summary>
    [Benchmark]
    public int WriteConversationState() => BotStateJson.ToStoredJson(_conversation).Length;

    [Benchmark]
    public int WriteUserState() => BotStateJson.ToStoredJson(_user).Length;

    [Benchmark]
    public int WriteConversationStateViaTree() => Write(_conversation).Length;

    [Benchmark]
    public int WriteUserStateViaTree() => Write(_user).Length;

    [Benchmark]
    public object ReadConversationState()
    {
        var obj = BotStateJson.FromStoredJson(_conversationJson, "etag");
        return obj["DialogSessionState"]!.ToObject<DialogSessionState>(Serializer)!;
    }

    private static string Write(object value) => JToken.FromObject(value, Serializer).ToString(Formatting.None);
}
