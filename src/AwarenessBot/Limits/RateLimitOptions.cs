namespace AwarenessBot.Limits;

/// <summary>
/// Abuse limits (configuration section <c>RateLimits</c>), enforced by ASP.NET Core's rate limiter. Per client
/// address for the web channel (see <see cref="ClientAddressOptions"/> behind a proxy), per conversation and per user
/// for <c>/api/messages</c> (whose traffic all comes from Azure's addresses). Beyond a limit: 429 with Retry-After.
/// Posts per web conversation are <c>DirectLine:RateLimitPermits</c> per <c>DirectLine:RateLimitWindow</c>.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>The window of the per-address limits.</summary>
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Web channel requests (polls, posts, tokens) per address per window: a polling tab makes about 60 a minute.</summary>
    public int RequestsPerAddress { get; set; } = 1_200;

    /// <summary>New conversations and generated tokens per address per window (a school or shelter may share one address).</summary>
    public int ConversationStartsPerAddress { get; set; } = 30;

    /// <summary>The window of the <c>/api/messages</c> limits.</summary>
    public TimeSpan MessagesWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><c>/api/messages</c> activities per conversation per window (a group chat has several people).</summary>
    public int MessagesPerConversation { get; set; } = 60;

    /// <summary><c>/api/messages</c> activities per user per window.</summary>
    public int MessagesPerUser { get; set; } = 30;
}
