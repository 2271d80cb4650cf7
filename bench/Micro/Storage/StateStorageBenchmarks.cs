using System.Globalization;
using BenchmarkDotNet.Attributes;
using Micro.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Micro.Storage;

/// <summary>
/// The storage share of a turn with the product's default store (SQLite, IStorage from AddBotStateStorage), done the way
/// BotState does it: read the conversation key, read the user key (two ReadAsync calls), then write each back with
/// the ETag it was read with (two WriteAsync calls). "disk" puts the file under /tmp, "tmpfs" under /dev/shm (where
/// fsync costs nothing), which separates durability cost from the rest.
/// </summary>
[MemoryDiagnoser]
public class StateStorageBenchmarks
{
    private const int Conversations = 256;
    private SqliteStorageHost _host = null!;
    private IStorage _storage = null!;
    private int _next;

    [Params("disk", "tmpfs")]
    public string Location { get; set; } = "disk";

    [GlobalSetup]
    public void Setup()
    {
        var root = Location == "tmpfs" && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _host = new SqliteStorageHost(root, "storage-bench", (services, configuration) => services.AddBotStorage(configuration).AddBotStateStorage());
        _storage = _host.Services.GetRequiredService<IStorage>();
        for (var i = 0; i < Conversations; i++)
        {
            _storage.WriteAsync(new Dictionary<string, object>
            {
                [ConversationKey(i)] = new Dictionary<string, object> { ["DialogSessionState"] = Session(0) },
                [UserKey(i)] = new Dictionary<string, object> { ["UserProfileState"] = Profile() },
            }).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>2 reads + 2 compare-and-set writes: one turn's state traffic.</summary>
    [Benchmark]
    public async Task TurnStateCycle()
    {
        var i = _next++ % Conversations;
        var conversation = await ReadAsDictionaryAsync(ConversationKey(i));
        var user = await ReadAsDictionaryAsync(UserKey(i));
        conversation["DialogSessionState"] = Session(_next);
        await _storage.WriteAsync(new Dictionary<string, object> { [ConversationKey(i)] = conversation });
        await _storage.WriteAsync(new Dictionary<string, object> { [UserKey(i)] = user });
    }

    /// <summary>What BotState.LoadAsync does with a stored JObject.</summary>
    private async Task<IDictionary<string, object>> ReadAsDictionaryAsync(string key)
    {
        var items = await _storage.ReadAsync([key]);
        return ((JObject)items[key]).ToObject<Dictionary<string, object>>()!;
    }

    private static string ConversationKey(int i) => string.Create(CultureInfo.InvariantCulture, $"emulator/conversations/bench-{i}");

    private static string UserKey(int i) => string.Create(CultureInfo.InvariantCulture, $"emulator/users/bench-user-{i}");

    private static JObject Session(int turn) => JObject.FromObject(new
    {
        Version = 1,
        Welcomed = true,
        IndigenousFirst = false,
        SessionKey = "3f9c2b7a1d4e4f6a8b0c9d2e1f3a5b7c",
        Stack = new[] { new { Flow = "online_safety", Step = "quiz", Retries = 0, Values = new Dictionary<string, string> { ["turn"] = turn.ToString(CultureInfo.InvariantCulture) } } },
    });

    private static JObject Profile() => JObject.FromObject(new { Locale = "en", LocaleChosen = true, AgeBand = "13-15", Region = "ON", Audience = "youth" });
}
