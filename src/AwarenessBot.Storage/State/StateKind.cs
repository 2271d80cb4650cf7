namespace AwarenessBot.Storage.State;

/// <summary>What a storage key holds, derived from the key BotState builds; decides the row's time to live.</summary>
internal enum StateKind
{
    Other,
    Conversation,
    User,
}

internal static class StateKinds
{
    /// <summary>
    /// <c>{channel}/conversations/{id}</c> and <c>{channel}/conversations/{id}/users/{from}</c> (private conversation
    /// state) live as long as the conversation; <c>{channel}/users/{id}</c> is user state; anything else is other.
    /// </summary>
    public static StateKind FromKey(string key)
    {
        var firstSlash = key.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash <= 0)
        {
            return StateKind.Other;
        }

        var rest = key.AsSpan(firstSlash + 1);
        if (rest.StartsWith("conversations/", StringComparison.Ordinal) && rest.Length > "conversations/".Length)
        {
            return StateKind.Conversation;
        }

        return rest.StartsWith("users/", StringComparison.Ordinal) && rest.Length > "users/".Length
            ? StateKind.User
            : StateKind.Other;
    }

    public static string ToColumnValue(this StateKind kind) => kind switch
    {
        StateKind.Conversation => "conversation",
        StateKind.User => "user",
        _ => "other",
    };
}
