namespace AwarenessBot.Storage.WebChannel;

/// <summary>The web channel's limits and secret as the store needs them; the host fills them from its <c>DirectLine</c> settings.</summary>
public sealed class WebChannelOptions
{
    /// <summary>A conversation used this recently is never forgotten to make room for a newcomer.</summary>
    public static readonly TimeSpan EvictionProtection = TimeSpan.FromMinutes(1);

    /// <summary>Conversations open at once.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Activities kept per conversation; the oldest are dropped first, watermarks keep counting.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>A conversation with no post or poll for this long is forgotten, activities included.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The shared secret (<c>DirectLine:TokenSecret</c>) a shared store derives its activity key from, so what people
    /// wrote is sealed (AES-GCM) in the database and only instances holding the secret can read it. Null: a random key
    /// for this process, which a lone instance can live with (its tokens die with it too).
    /// </summary>
    public string? Secret { get; set; }
}
