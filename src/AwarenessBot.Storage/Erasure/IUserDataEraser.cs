namespace AwarenessBot.Storage.Erasure;

/// <summary>"Delete my data": removes everything stored for one conversation and its user.</summary>
public interface IUserDataEraser
{
    /// <summary>
    /// Deletes the conversation state row, every row under it (private conversation state) and the user state row.
    /// Analytics hold no user or conversation id, so there is nothing to delete there.
    /// </summary>
    Task EraseAsync(string conversationKey, string userKey, CancellationToken cancellationToken);
}
