using System.Text.Json.Serialization;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Turns;

/// <summary>
/// Conversation and user state in the JSON shape Bot Framework's BotState wrote it (through the edge's IStorage
/// adapter, Newtonsoft, no type names): one object per row, a property per state ("dialog", "processed", "profile"),
/// each with its C# property names as written. Kept so that a row is the same whichever path wrote it: rows written
/// before the turn runner existed read back unchanged, and nothing needs migrating. Read and written by
/// <see cref="StateRowJson"/> straight into the typed state (source-generated, no JSON tree in between); other
/// properties a row carries are kept and written back.
/// </summary>
internal static class StoredStateJson
{
    /// <summary>Conversation row: the dialog position (<see cref="DialogSessionState"/>).</summary>
    public const string Dialog = "dialog";

    /// <summary>Conversation row: the activity ids already run (<see cref="ProcessedActivitiesState"/>).</summary>
    public const string Processed = "processed";

    /// <summary>User row: locale, age band, region, audience (<see cref="UserProfileState"/>).</summary>
    public const string Profile = "profile";

    private static StoredStateJsonContext Context => StoredStateJsonContext.Default;

    public static StateRowLayout? ReadConversation(string? json, out ProcessedActivitiesState processed, out DialogSessionState session) =>
        StateRowJson.Read(json, Processed, Context.ProcessedActivitiesState, out processed, Dialog, Context.DialogSessionState, out session);

    public static StateRowLayout? ReadUser(string? json, out UserProfileState profile) =>
        StateRowJson.Read(json, Profile, Context.UserProfileState, out profile);

    /// <summary>"processed" before "dialog" in a new row: the order the rows have always been written in.</summary>
    public static string WriteConversation(StateRowLayout? layout, ProcessedActivitiesState processed, DialogSessionState session) =>
        StateRowJson.Write(layout, Processed, Context.ProcessedActivitiesState, processed, Dialog, Context.DialogSessionState, session);

    public static string WriteUser(StateRowLayout? layout, UserProfileState profile) =>
        StateRowJson.Write(layout, Profile, Context.UserProfileState, profile);
}

/// <summary>C# names as Newtonsoft wrote them, read case-insensitively as Newtonsoft read them.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, MaxDepth = 64)]
[JsonSerializable(typeof(DialogSessionState))]
[JsonSerializable(typeof(ProcessedActivitiesState))]
[JsonSerializable(typeof(UserProfileState))]
internal sealed partial class StoredStateJsonContext : JsonSerializerContext;
