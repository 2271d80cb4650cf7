using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Limits;

/// <summary>
/// <c>/api/messages</c> limits per conversation and per user (both must have a permit). Keys are channel-scoped and
/// live in memory for one window; they are never logged or stored.
/// </summary>
internal sealed class MessageRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Conversation, string User)> _limiter;

    public MessageRateLimiter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        var perConversation = PartitionedRateLimiter.Create<(string Conversation, string User), string>(sender =>
            Partition(sender.Conversation, limits.MessagesPerConversation, limits.MessagesWindow));
        var perUser = PartitionedRateLimiter.Create<(string Conversation, string User), string>(sender =>
            Partition(sender.User, limits.MessagesPerUser, limits.MessagesWindow));
        _limiter = PartitionedRateLimiter.CreateChained(perConversation, perUser);
        Window = limits.MessagesWindow;
    }

    public TimeSpan Window { get; }

    /// <summary>A lease; when it is not acquired, answer 429 with its Retry-After.</summary>
    public RateLimitLease Acquire(string channelId, string conversationId, string userId) =>
        _limiter.AttemptAcquire((channelId + "/" + conversationId, channelId + "/" + userId));

    public void Dispose() => _limiter.Dispose();

    private static RateLimitPartition<string> Partition(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
