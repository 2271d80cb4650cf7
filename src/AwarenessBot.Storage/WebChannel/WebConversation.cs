namespace AwarenessBot.Storage.WebChannel;

/// <summary>
/// A snapshot of one web conversation as the store keeps it: the server-chosen user id (so a client cannot speak as
/// someone else), whether the bot has greeted, and which token nonces are accepted.
/// </summary>
public sealed record WebConversation(
    string Id,
    string UserId,
    bool Started,
    string? CurrentNonce,
    string? PreviousNonce,
    DateTimeOffset PreviousValidUntil)
{
    /// <summary>True for the current token, or the one it replaced while its grace period lasts.</summary>
    public bool AcceptsToken(string nonce, DateTimeOffset now) =>
        string.Equals(nonce, CurrentNonce, StringComparison.Ordinal)
        || (now < PreviousValidUntil && string.Equals(nonce, PreviousNonce, StringComparison.Ordinal));
}

/// <summary>An activity as the channel keeps it: its place in the conversation (its watermark) and its final JSON.</summary>
public sealed record WebChannelActivity(long Sequence, string Json);
