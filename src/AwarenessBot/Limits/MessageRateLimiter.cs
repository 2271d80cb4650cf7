using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Limits;

/// <summary>
/// <c>/api/messages</c> limits per conversation and per user (both must have a permit). Keys are channel-scoped and
/// live in memory for one window; they are never logged or stored.
/// </summary>
/// <remarks>
/// The same limits as the runtime's partitioned fixed-window limiters chained (what this class used before), without
/// their global lock: those look every partition up under one lock per limiter, two per message, and under load that
/// lock was the host's most contended one. Here each key has its own window in a <see cref="ConcurrentDictionary{TKey, TValue}"/>
/// (read without a lock) and only messages of the same key meet at its lock. As before: a key's window starts with its
/// first message and renews every <see cref="RateLimitOptions.MessagesWindow"/> from then; the conversation is asked
/// first and its permit is spent even when the user's is refused; a refusal says to retry after one window; a key
/// whose window ended more than <see cref="IdleAfter"/> ago is forgotten (its next message starts a new window).
/// </remarks>
internal sealed class MessageRateLimiter : IDisposable
{
    /// <summary>How long a key is kept after its window ended (the runtime's idle rule for partitions).</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(10);

    private readonly KeyWindows _conversations;
    private readonly KeyWindows _users;
    private readonly TimeProvider _time;
    private readonly RateLimitLease _refused;
    private long _nextSweep;

    public MessageRateLimiter(IOptions<RateLimitOptions> options)
        : this(options, TimeProvider.System)
    {
    }

    public MessageRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limits.MessagesWindow, TimeSpan.Zero);
        _time = time;
        Window = limits.MessagesWindow;
        _conversations = new KeyWindows(limits.MessagesPerConversation, Window);
        _users = new KeyWindows(limits.MessagesPerUser, Window);
        _refused = new Lease(false, Window);
        _nextSweep = Now() + (long)(IdleAfter.TotalSeconds * time.TimestampFrequency);
    }

    public TimeSpan Window { get; }

    /// <summary>A lease; when it is not acquired, answer 429 with its Retry-After.</summary>
    public RateLimitLease Acquire(string channelId, string conversationId, string userId)
    {
        var now = Now();
        if (now >= Interlocked.Read(ref _nextSweep))
        {
            Sweep(now);
        }

        // The conversation first; its permit is spent even when the user's is refused (as the chained limiters did).
        return _conversations.TryTake((channelId, conversationId), now, _time.TimestampFrequency)
            && _users.TryTake((channelId, userId), now, _time.TimestampFrequency)
            ? Lease.Acquired
            : _refused;
    }

    public void Dispose()
    {
    }

    /// <summary>Keys in memory (tests).</summary>
    internal int KeyCount => _conversations.Count + _users.Count;

    private long Now() => _time.GetTimestamp();

    private void Sweep(long now)
    {
        var frequency = _time.TimestampFrequency;
        var next = now + (long)(IdleAfter.TotalSeconds * frequency);
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, next, due) != due)
        {
            return; // another request sweeps
        }

        var idle = (long)(IdleAfter.TotalSeconds * frequency);
        _conversations.Sweep(now, idle, frequency);
        _users.Sweep(now, idle, frequency);
    }

    /// <summary>Fixed windows per key.</summary>
    private sealed class KeyWindows(int permits, TimeSpan window)
    {
        private readonly ConcurrentDictionary<(string Channel, string Id), KeyWindow> _windows = new();

        public int Count => _windows.Count;

        public bool TryTake((string, string) key, long now, long frequency)
        {
            var length = Ticks(frequency);
            while (true)
            {
                var current = _windows.GetOrAdd(key, static (_, start) => new KeyWindow(start), now);
                lock (current)
                {
                    if (current.Forgotten)
                    {
                        continue; // swept away meanwhile: take from the key's new window
                    }

                    current.Renew(now, length);
                    if (current.Used >= permits)
                    {
                        return false;
                    }

                    current.Used++;
                    return true;
                }
            }
        }

        /// <summary>Forgets keys whose window ended more than <paramref name="idle"/> ago.</summary>
        public void Sweep(long now, long idle, long frequency)
        {
            var length = Ticks(frequency);
            foreach (var pair in _windows)
            {
                var current = pair.Value;
                lock (current)
                {
                    if (now - current.Start >= length + idle)
                    {
                        current.Forgotten = true;
                        _windows.TryRemove(pair);
                    }
                }
            }
        }

        private long Ticks(long frequency) => (long)(window.TotalSeconds * frequency);
    }

    /// <summary>One key's window: when it started (a timestamp) and the permits used in it.</summary>
    private sealed class KeyWindow(long start)
    {
        public long Start { get; private set; } = start;

        public int Used { get; set; }

        public bool Forgotten { get; set; }

        /// <summary>A window that has ended is followed by the one now is in (windows renew every length from the first).</summary>
        public void Renew(long now, long length)
        {
            if (now - Start >= length)
            {
                Start += (now - Start) / length * length;
                Used = 0;
            }
        }
    }

    /// <summary>What the runtime's fixed-window limiter answers: acquired, or refused with one window to wait.</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

        public override bool IsAcquired => acquired;

        // As the runtime's: the name is listed on every lease, its value only on a refusal.
        public override IEnumerable<string> MetadataNames => RetryAfterOnly;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
