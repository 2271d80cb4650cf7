using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>The storage keys of one turn's conversation and user state (<see cref="BotFramework.StateKeys"/>).</summary>
internal sealed record TurnStateKeys(string Conversation, string User);

/// <summary>
/// One turn's state as read: the typed parts the engine and the runner change, the rows they live in, and the ETags
/// the save must still find (null: the row did not exist, so the save creates it and loses to a turn that did first).
/// </summary>
internal sealed class TurnState(TurnStateKeys keys, JsonObject conversationRow, string? conversationETag, JsonObject userRow, string? userETag)
{
    public TurnStateKeys Keys { get; } = keys;

    public DialogSessionState Session { get; } = StoredStateJson.Get<DialogSessionState>(conversationRow, StoredStateJson.Dialog);

    public ProcessedActivitiesState Processed { get; } = StoredStateJson.Get<ProcessedActivitiesState>(conversationRow, StoredStateJson.Processed);

    public UserProfileState Profile { get; } = StoredStateJson.Get<UserProfileState>(userRow, StoredStateJson.Profile);

    public JsonObject ConversationRow { get; } = conversationRow;

    public string? ConversationETag { get; } = conversationETag;

    public JsonObject UserRow { get; } = userRow;

    public string? UserETag { get; } = userETag;
}
