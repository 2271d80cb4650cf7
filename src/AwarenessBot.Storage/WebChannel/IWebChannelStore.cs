namespace AwarenessBot.Storage.WebChannel;

/// <summary>
/// The shared state of the built-in web channel (Direct Line): which conversations are open, their activity logs and
/// watermarks, their current tokens, and a signal when a conversation changes. One implementation per storage
/// provider: <see cref="MemoryWebChannelStore"/> for one machine, PostgreSQL (tables plus LISTEN/NOTIFY) when several
/// instances serve the same chats. Activities travel as the channel's final JSON, so no Bot Framework type is needed
/// here. Times come from the injected <see cref="TimeProvider"/>.
/// </summary>
public interface IWebChannelStore
{
    /// <summary>
    /// Opens a conversation. When <see cref="WebChannelOptions.MaxConversations"/> are open, idle conversations are
    /// forgotten first, then the idlest one quiet for <see cref="WebChannelOptions.EvictionProtection"/>; null only when
    /// every open conversation was active more recently than that.
    /// </summary>
    Task<WebConversation?> TryCreateAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>The conversation, or null when unknown or idle past the timeout; a successful lookup counts as activity.</summary>
    Task<WebConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>True for exactly one caller across all instances: the one that must greet.</summary>
    Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="nonce"/> the current token; the one it replaces stays valid for <paramref name="grace"/>.</summary>
    Task ReplaceTokenAsync(string conversationId, string nonce, TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one activity: gives it the next sequence number (its watermark) and a timestamp at least a millisecond
    /// after every earlier one, asks <paramref name="render"/> for its JSON with both, keeps the newest
    /// <see cref="WebChannelOptions.MaxActivitiesPerConversation"/> and signals the subscribers on every instance.
    /// Null when the conversation no longer exists.
    /// </summary>
    Task<long?> AppendAsync(string conversationId, Func<long, DateTimeOffset, string> render, CancellationToken cancellationToken);

    /// <summary>The kept activities after <paramref name="watermark"/>, oldest first.</summary>
    Task<IReadOnlyList<WebChannelActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>
    /// A signal for every change of the conversation, wherever it was made; it ends when the conversation is forgotten.
    /// Subscribe before reading the backlog, so nothing falls between the two.
    /// </summary>
    WebChannelSubscription Subscribe(string conversationId);

    /// <summary>Forgets every conversation idle past the timeout (with its activities); returns how many.</summary>
    Task<int> EvictIdleAsync(CancellationToken cancellationToken);

    /// <summary>How many conversations are open (for logs).</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
