namespace AwarenessBot.DirectLine;

/// <summary>
/// The built-in Direct Line 3.0 channel (configuration section <c>DirectLine</c>). Conversations live where the storage
/// provider says: in memory with SQLite (one machine; a restart ends every open chat, which the page treats like a
/// cleared chat), in PostgreSQL with Postgres (shared by every instance).
/// </summary>
internal sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Signs the conversation tokens (at least 32 characters). When empty, a random secret is made at start-up and
    /// kept in memory: tokens then die with the process, which is fine for a chat that lives as long as a browser tab,
    /// but every instance behind a load balancer needs the same secret.
    /// </summary>
    public string? TokenSecret { get; set; }

    /// <summary>How long a token is valid; Web Chat refreshes it every 15 minutes, which extends it.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Conversations kept at once (on all instances together when shared); beyond it the idlest one quiet for a minute makes room, else 503.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>A conversation with no post or poll for this long is forgotten (then: 404).</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Activities kept per conversation; the oldest are dropped first, watermarks keep counting.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Largest accepted activity body, in bytes (413 beyond).</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>Longest accepted message text, in characters (400 beyond).</summary>
    public int MaxTextLength { get; set; } = 2_000;

    /// <summary>Posts allowed per conversation in each <see cref="RateLimitWindow"/> (429 beyond).</summary>
    public int RateLimitPermits { get; set; } = 10;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An empty WebSocket frame is sent this often so proxies keep the stream open.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bot's account in this channel's activities (<c>recipient</c> of user activities).</summary>
    public string BotId { get; set; } = "awarenessbot";

    public string BotName { get; set; } = "AwarenessBot";
}
