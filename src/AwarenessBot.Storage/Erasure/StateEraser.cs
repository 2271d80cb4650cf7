using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.Erasure;

/// <summary>Every store deletes the conversation, the keys under it and the user in one operation.</summary>
internal sealed class StateEraser(IStateMaintenance store) : IUserDataEraser
{
    public Task EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken)
        => store.EraseAsync(conversationKey, userKey, cancellationToken);
}
