namespace AwarenessBot.Limits;

/// <summary>Endpoint metadata naming which abuse limits apply to an endpoint (see <see cref="AbuseLimits"/>).</summary>
internal sealed class LimitScope(bool perAddress = false, bool conversationStart = false, bool perConversationPosts = false)
{
    /// <summary>Counts against <see cref="RateLimitOptions.RequestsPerAddress"/>.</summary>
    public bool PerAddress { get; } = perAddress;

    /// <summary>Starts a conversation or hands out a token for a new one (<see cref="RateLimitOptions.ConversationStartsPerAddress"/>).</summary>
    public bool ConversationStart { get; } = conversationStart;

    /// <summary>A post to a web conversation (<c>DirectLine:RateLimitPermits</c>, keyed by the token's conversation).</summary>
    public bool PerConversationPosts { get; } = perConversationPosts;
}
