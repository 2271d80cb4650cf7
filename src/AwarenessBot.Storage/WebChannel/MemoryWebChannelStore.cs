using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Storage.WebChannel;

/// <summary>
/// The web channel's conversations in this process only: the single-machine default (SQLite and Memory providers).
/// Forgetting is the privacy feature: nothing of a chat outlives its idle timeout here, and a restart ends every open
/// chat (the page treats that like a cleared chat and starts again).
/// </summary>
public sealed class MemoryWebChannelStore(
    WebChannelSubscribers subscribers,
    IOptions<WebChannelOptions> options,
    TimeProvider time,
    ILogger<MemoryWebChannelStore> logger) : IWebChannelStore
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly WebChannelOptions _limits = options.Value;
    private readonly Lock _admission = new();

    public Task<WebConversation?> TryCreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_admission)
        {
            if (_conversations.Count >= _limits.MaxConversations && EvictIdle(now) == 0 && !EvictIdlest(now))
            {
                logger.LogWarning("Direct Line channel full: {Count} conversations open, all active in the last minute", _conversations.Count);
                return Task.FromResult<WebConversation?>(null);
            }

            var entry = new Entry(conversationId, userId, now);
            _conversations[conversationId] = entry;
            return Task.FromResult<WebConversation?>(entry.Snapshot());
        }
    }

    public Task<WebConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult<WebConversation?>(null);
        }

        if (IsIdle(entry, now))
        {
            Remove(entry);
            return Task.FromResult<WebConversation?>(null);
        }

        lock (entry.Gate)
        {
            entry.LastSeen = now;
            return Task.FromResult<WebConversation?>(entry.Snapshot());
        }
    }

    public Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult(false);
        }

        lock (entry.Gate)
        {
            var first = !entry.Started;
            entry.Started = true;
            return Task.FromResult(first);
        }
    }

    public Task ReplaceTokenAsync(string conversationId, string nonce, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (_conversations.TryGetValue(conversationId, out var entry))
        {
            lock (entry.Gate)
            {
                entry.PreviousNonce = entry.CurrentNonce;
                entry.PreviousValidUntil = time.GetUtcNow() + grace;
                entry.CurrentNonce = nonce;
            }
        }

        return Task.CompletedTask;
    }

    public Task<long?> AppendAsync(string conversationId, Func<long, DateTimeOffset, string> render, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult<long?>(null);
        }

        long sequence;
        lock (entry.Gate)
        {
            sequence = ++entry.LastSequence;
            entry.LastTimestamp = WebChannelTimestamps.Next(time.GetUtcNow(), entry.LastTimestamp);
            entry.Activities.Enqueue(new WebChannelActivity(sequence, render(sequence, DateTimeOffset.FromUnixTimeMilliseconds(entry.LastTimestamp))));
            while (entry.Activities.Count > _limits.MaxActivitiesPerConversation)
            {
                entry.Activities.Dequeue();
            }
        }

        subscribers.Signal(conversationId);
        return Task.FromResult<long?>(sequence);
    }

    public Task<IReadOnlyList<WebChannelActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult<IReadOnlyList<WebChannelActivity>>([]);
        }

        lock (entry.Gate)
        {
            return Task.FromResult<IReadOnlyList<WebChannelActivity>>([.. entry.Activities.Where(a => a.Sequence > watermark)]);
        }
    }

    public WebChannelSubscription Subscribe(string conversationId)
    {
        var subscription = subscribers.Add(conversationId);

        // Forgotten between the caller's lookup and now: end at once rather than wait for a change that never comes.
        if (!_conversations.ContainsKey(conversationId))
        {
            subscribers.End(conversationId);
        }

        return subscription;
    }

    public Task<int> EvictIdleAsync(CancellationToken cancellationToken) => Task.FromResult(EvictIdle(time.GetUtcNow()));

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(_conversations.Count);

    private int EvictIdle(DateTimeOffset now)
    {
        var evicted = 0;
        foreach (var entry in _conversations.Values)
        {
            if (IsIdle(entry, now) && Remove(entry))
            {
                evicted++;
            }
        }

        return evicted;
    }

    /// <summary>Forgets the conversation seen least recently, if it has been quiet long enough.</summary>
    private bool EvictIdlest(DateTimeOffset now)
    {
        var idlest = _conversations.Values.MinBy(entry => entry.LastSeen);
        return idlest is not null && now - idlest.LastSeen >= WebChannelOptions.EvictionProtection && Remove(idlest);
    }

    private bool IsIdle(Entry entry, DateTimeOffset now) => now - entry.LastSeen >= _limits.ConversationIdleTimeout;

    private bool Remove(Entry entry)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, Entry>(entry.Id, entry)))
        {
            return false;
        }

        subscribers.End(entry.Id);
        return true;
    }

    /// <summary>Mutable state of one conversation; every access holds its lock.</summary>
    private sealed class Entry(string id, string userId, DateTimeOffset now)
    {
        public Lock Gate { get; } = new();

        public string Id { get; } = id;

        public string UserId { get; } = userId;

        public DateTimeOffset LastSeen { get; set; } = now;

        public bool Started { get; set; }

        public string? CurrentNonce { get; set; }

        public string? PreviousNonce { get; set; }

        public DateTimeOffset PreviousValidUntil { get; set; }

        public long LastSequence { get; set; }

        public long LastTimestamp { get; set; }

        public Queue<WebChannelActivity> Activities { get; } = new();

        public WebConversation Snapshot() => new(Id, UserId, Started, CurrentNonce, PreviousNonce, PreviousValidUntil);
    }
}
