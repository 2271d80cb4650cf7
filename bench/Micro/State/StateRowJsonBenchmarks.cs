using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.State;
using BenchmarkDotNet.Attributes;

namespace Micro.State;

/// <summary>
/// The turn runner's state rows (the host's <c>StoredStateJson</c>): read the conversation and user rows into the
/// typed state, write them back, as every turn does. <c>StateRowJson</c> (reader/writer, source-generated) against
/// the JsonNode way it replaced (<c>ViaNodes</c> rows: parse to a node tree, deserialise from it, serialise to a node,
/// write the tree). Typical mid-module state; <see cref="Processed"/> stands in for the host's internal
/// ProcessedActivitiesState (same shape).
/// Warm-up is 30 iterations whatever the job: with <c>--job short --inProcess</c> (3 warm-ups) the first benchmark of
/// the process, <see cref="Read"/>, was measured while its code and System.Text.Json's were still being replaced by
/// their tier-1 versions (perf5: 11.9–26.8 µs, ± up to 90 µs, against 8.3–8.5 µs for the read + write that contains
/// it; perf6: 10.8 µs ± 91 µs on a first run, then 5.2 and 6.3 µs against 6.9 and 9.9 µs for <see cref="ReadViaNodes"/>).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(30)]
public class StateRowJsonBenchmarks
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = true, MaxDepth = 64 };
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
    private string _conversationJson = "";
    private string _userJson = "";
    private DialogSessionState _session = null!;
    private Processed _processed = null!;
    private UserProfileState _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var session = new DialogSessionState
        {
            Welcomed = true,
            SessionKey = "3f9c2b7a1d4e4f6a8b0c9d2e1f3a5b7c",
            RiskEvidence = new() { ["self_harm"] = 0.12 },
            Stack =
            [
                new DialogFrame { Flow = "youth_main", Step = "menu", Values = new() { ["age_band"] = "13-15", ["region"] = "ON" } },
                new DialogFrame { Flow = "module_online_safety", Step = "quiz_1", Retries = 1, Previous = "topic_2", Values = new() { ["module"] = "grooming_how_it_starts", ["page"] = "2" } },
            ],
        };
        var processed = new Processed { Recent = [.. Enumerable.Range(0, 8).Select(i => $"AbC-_123xyz{i}AbC-")] };
        var profile = new UserProfileState { Locale = "en", LocaleChosen = true, AgeBand = "13-15", Region = "ON", Audience = "youth" };
        (_session, _processed, _profile) = (session, processed, profile);
        _conversationJson = WriteConversationViaNodes(new JsonObject(), processed, session);
        _userJson = WriteUserViaNodes(new JsonObject(), profile);
    }

    /// <summary>Both rows read into the typed state (the start of a turn).</summary>
    [Benchmark]
    public int Read()
    {
        StateRowJson.Read(_conversationJson, "processed", RowContext.Default.Processed, out var processed, "dialog", RowContext.Default.DialogSessionState, out var session);
        StateRowJson.Read(_userJson, "profile", RowContext.Default.UserProfileState, out var profile);
        return processed.Recent.Count + session.Stack.Count + (profile.Locale?.Length ?? 0);
    }

    /// <summary>Both rows read, then written back (a whole turn's state JSON).</summary>
    [Benchmark]
    public int ReadAndWrite()
    {
        var layout = StateRowJson.Read(_conversationJson, "processed", RowContext.Default.Processed, out var processed, "dialog", RowContext.Default.DialogSessionState, out var session);
        var userLayout = StateRowJson.Read(_userJson, "profile", RowContext.Default.UserProfileState, out var profile);
        return StateRowJson.Write(layout, "processed", RowContext.Default.Processed, processed, "dialog", RowContext.Default.DialogSessionState, session).Length
            + StateRowJson.Write(userLayout, "profile", RowContext.Default.UserProfileState, profile).Length;
    }

    /// <summary>Both rows written from the typed state (the end of a turn).</summary>
    [Benchmark]
    public int Write() =>
        StateRowJson.Write(null, "processed", RowContext.Default.Processed, _processed, "dialog", RowContext.Default.DialogSessionState, _session).Length
        + StateRowJson.Write(null, "profile", RowContext.Default.UserProfileState, _profile).Length;

    [Benchmark]
    public int WriteViaNodes() => WriteConversationViaNodes(new JsonObject(), _processed, _session).Length + WriteUserViaNodes(new JsonObject(), _profile).Length;

    [Benchmark]
    public int ReadViaNodes()
    {
        var conversation = ReadRow(_conversationJson);
        var user = ReadRow(_userJson);
        var (processed, session, profile) = (Get<Processed>(conversation, "processed"), Get<DialogSessionState>(conversation, "dialog"), Get<UserProfileState>(user, "profile"));
        return processed.Recent.Count + session.Stack.Count + (profile.Locale?.Length ?? 0);
    }

    [Benchmark]
    public int ReadAndWriteViaNodes()
    {
        var conversation = ReadRow(_conversationJson);
        var user = ReadRow(_userJson);
        var (processed, session, profile) = (Get<Processed>(conversation, "processed"), Get<DialogSessionState>(conversation, "dialog"), Get<UserProfileState>(user, "profile"));
        return WriteConversationViaNodes(conversation, processed, session).Length + WriteUserViaNodes(user, profile).Length;
    }

    private static JsonObject ReadRow(string json) => (JsonObject)JsonNode.Parse(json, NodeOptions, DocumentOptions)!;

    private static T Get<T>(JsonObject row, string property)
        where T : new() => row[property] is { } node ? node.Deserialize<T>(Options) ?? new T() : new T();

    private static string WriteConversationViaNodes(JsonObject row, Processed processed, DialogSessionState session)
    {
        row["processed"] = JsonSerializer.SerializeToNode(processed, Options);
        row["dialog"] = JsonSerializer.SerializeToNode(session, Options);
        return row.ToJsonString();
    }

    private static string WriteUserViaNodes(JsonObject row, UserProfileState profile)
    {
        row["profile"] = JsonSerializer.SerializeToNode(profile, Options);
        return row.ToJsonString();
    }

    public sealed class Processed
    {
        public int Version { get; set; } = 1;

        public List<string> Recent { get; set; } = [];
    }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, MaxDepth = 64)]
[JsonSerializable(typeof(DialogSessionState))]
[JsonSerializable(typeof(StateRowJsonBenchmarks.Processed))]
[JsonSerializable(typeof(UserProfileState))]
internal sealed partial class RowContext : JsonSerializerContext;
