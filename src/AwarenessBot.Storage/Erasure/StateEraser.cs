using AwarenessBot.Storage.State;
using Microsoft.Bot.Builder;

namespace AwarenessBot.Storage.Erasure;

/// <summary>SQL stores delete by key and prefix in one statement.</summary>
internal sealed class SqlStateEraser(IStateMaintenance store) : IUserDataEraser
{
    public Task EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken)
        => store.EraseAsync(conversationKey, userKey, cancellationToken);
}

/// <summary>Any IStorage (MemoryStorage in tests): deletes the two keys BotState uses.</summary>
internal sealed class KeyStateEraser(IStorage storage) : IUserDataEraser
{
    public Task EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken)
        => storage.DeleteAsync([conversationKey, userKey], cancellationToken);
}
