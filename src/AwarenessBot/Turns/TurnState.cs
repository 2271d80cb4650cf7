using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Turns;

/// <summary>The storage keys of one turn's conversation and user state (<see cref="BotFramework.StateKeys"/>).</summary>
internal sealed record TurnStateKeys(string Conversation, string User);

/// <summary>
/// One turn's state as read: the typed parts the engine and the runner change, what else their rows held (written
/// back as it was), and the ETags the save must still find (null: the row did not exist, so the save creates it and
/// loses to a turn that did first).
/// </summary>
internal sealed class TurnState
{
    public TurnState(TurnStateKeys keys, string? conversationJson, string? conversationETag, string? userJson, string? userETag)
    {
        Keys = keys;
        ConversationLayout = StoredStateJson.ReadConversation(conversationJson, out var processed, out var session);
        Processed = processed;
        Session = session;
        UserLayout = StoredStateJson.ReadUser(userJson, out var profile);
        Profile = profile;
        ConversationETag = conversationETag;
        UserETag = userETag;
    }

    public TurnStateKeys Keys { get; }

    public DialogSessionState Session { get; }

    public ProcessedActivitiesState Processed { get; }

    public UserProfileState Profile { get; }

    /// <summary>What the conversation row held besides "processed" and "dialog" (null: nothing).</summary>
    public StateRowLayout? ConversationLayout { get; }

    public string? ConversationETag { get; }

    /// <summary>What the user row held besides "profile" (null: nothing).</summary>
    public StateRowLayout? UserLayout { get; }

    public string? UserETag { get; }
}
