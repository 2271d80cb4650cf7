using System.Threading.Channels;

namespace AwarenessBot.Storage.WebChannel;

/// <summary>
/// One open stream's wake-up signal. It carries no activities: a woken stream reads the log from its own watermark,
/// so a burst of changes is one wake-up and a slow stream can never miss anything or hold memory.
/// </summary>
public sealed class WebChannelSubscription : IDisposable
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly WebChannelSubscribers _owner;

    internal WebChannelSubscription(WebChannelSubscribers owner, string conversationId)
    {
        _owner = owner;
        ConversationId = conversationId;
    }

    public string ConversationId { get; }

    /// <summary>Waits for a change: true when something changed, false when the conversation was forgotten.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        if (!await _signal.Reader.WaitToReadAsync(cancellationToken))
        {
            return false;
        }

        while (_signal.Reader.TryRead(out _))
        {
        }

        return true;
    }

    internal void Signal() => _signal.Writer.TryWrite(true);

    internal void End() => _signal.Writer.TryComplete();

    public void Dispose() => _owner.Remove(this);
}

/// <summary>The streams open on this instance, by conversation; stores and change listeners signal them.</summary>
public sealed class WebChannelSubscribers
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<WebChannelSubscription>> _byConversation = new(StringComparer.Ordinal);

    public WebChannelSubscription Add(string conversationId)
    {
        var subscription = new WebChannelSubscription(this, conversationId);
        lock (_gate)
        {
            if (!_byConversation.TryGetValue(conversationId, out var set))
            {
                _byConversation[conversationId] = set = [];
            }

            set.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Something changed in the conversation: its streams read the log again.</summary>
    public void Signal(string conversationId)
    {
        lock (_gate)
        {
            if (_byConversation.TryGetValue(conversationId, out var set))
            {
                foreach (var subscription in set)
                {
                    subscription.Signal();
                }
            }
        }
    }

    /// <summary>Every stream reads again: after missing notifications (a lost listener connection), nothing is skipped.</summary>
    public void SignalAll()
    {
        lock (_gate)
        {
            foreach (var subscription in _byConversation.Values.SelectMany(set => set))
            {
                subscription.Signal();
            }
        }
    }

    /// <summary>The conversation was forgotten: its streams end.</summary>
    public void End(string conversationId)
    {
        lock (_gate)
        {
            if (_byConversation.Remove(conversationId, out var set))
            {
                foreach (var subscription in set)
                {
                    subscription.End();
                }
            }
        }
    }

    internal void Remove(WebChannelSubscription subscription)
    {
        lock (_gate)
        {
            if (_byConversation.TryGetValue(subscription.ConversationId, out var set) && set.Remove(subscription) && set.Count == 0)
            {
                _byConversation.Remove(subscription.ConversationId);
            }
        }
    }
}
