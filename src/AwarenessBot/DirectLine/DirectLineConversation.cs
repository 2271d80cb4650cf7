using System.Threading.Channels;
using Microsoft.Bot.Schema;

namespace AwarenessBot.DirectLine;

/// <summary>
/// One conversation of the built-in channel: its activity list (bounded; watermarks keep counting when old ones drop),
/// its open streams, its turn queue (one turn at a time, in order) and which token is current. Memory only. Rate limits live in
/// the host's rate limiter (see <c>Operations/AbuseLimits</c>).
/// </summary>
internal sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly Queue<StoredActivity> _activities = new();
    private readonly List<Channel<StoredActivity>> _subscribers = [];
    private readonly int _maxActivities;
    private long _lastSequence;
    private DateTimeOffset _lastTimestamp;
    private string? _currentNonce;
    private string? _previousNonce;
    private DateTimeOffset _previousValidUntil;

    public DirectLineConversation(string id, string userId, int maxActivities, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _maxActivities = maxActivities;
        LastSeen = now;
    }

    public string Id { get; }

    /// <summary>The user's id in this conversation, chosen by the server so a client cannot speak as someone else.</summary>
    public string UserId { get; }

    public DateTimeOffset LastSeen { get; private set; }

    /// <summary>Set once the bot has been told the conversation started (conversationUpdate, greeting).</summary>
    public bool Started { get; private set; }

    /// <summary>Turns wait here and run one at a time, so two fast posts never race on conversation state.</summary>
    public Channel<Activity> Turns { get; } = Channel.CreateUnbounded<Activity>(new UnboundedChannelOptions { SingleReader = true });

    public long LastSequence
    {
        get { lock (_gate) { return _lastSequence; } }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            LastSeen = now;
        }
    }

    public bool TryMarkStarted()
    {
        lock (_gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    /// <summary>Gives the activity its id and a timestamp at least a millisecond later than every earlier one, stores it and tells the streams.</summary>
    public string Append(Activity activity, DateTimeOffset now, Func<Activity, string> serialize)
    {
        lock (_gate)
        {
            var sequence = ++_lastSequence;
            // Web Chat orders activities by timestamp read as a JavaScript Date (whole milliseconds): each activity gets
            // its own millisecond, or the messages of one turn can show out of order and lose their suggested actions.
            var millisecond = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Offset);
            _lastTimestamp = millisecond > _lastTimestamp ? millisecond : _lastTimestamp.AddMilliseconds(1);
            activity.Id = FormattableString.Invariant($"{Id}|{sequence:D7}");
            activity.Timestamp = _lastTimestamp;
            var stored = new StoredActivity(sequence, serialize(activity));
            _activities.Enqueue(stored);
            while (_activities.Count > _maxActivities)
            {
                _activities.Dequeue();
            }

            // A stream that cannot keep up is closed; the client reconnects from its watermark and misses nothing.
            _subscribers.RemoveAll(subscriber => !subscriber.Writer.TryWrite(stored) && subscriber.Writer.TryComplete());
            return activity.Id;
        }
    }

    public IReadOnlyList<StoredActivity> After(long watermark)
    {
        lock (_gate)
        {
            return [.. _activities.Where(a => a.Sequence > watermark)];
        }
    }

    /// <summary>The backlog after <paramref name="watermark"/> and a reader for everything later, with no gap between.</summary>
    public (IReadOnlyList<StoredActivity> Backlog, ChannelReader<StoredActivity> Updates) Subscribe(long watermark)
    {
        var channel = Channel.CreateBounded<StoredActivity>(new BoundedChannelOptions(256) { SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
            return ([.. _activities.Where(a => a.Sequence > watermark)], channel.Reader);
        }
    }

    public void Unsubscribe(ChannelReader<StoredActivity> updates)
    {
        lock (_gate)
        {
            _subscribers.RemoveAll(subscriber => subscriber.Reader == updates);
        }
    }

    /// <summary>
    /// Makes <paramref name="nonce"/> the current token. The one it replaces stays valid for <paramref name="grace"/>
    /// only, so a poll already on its way with the old token is not refused, and a token can never be multiplied.
    /// </summary>
    public void ReplaceToken(string nonce, DateTimeOffset now, TimeSpan grace)
    {
        lock (_gate)
        {
            _previousNonce = _currentNonce;
            _previousValidUntil = now + grace;
            _currentNonce = nonce;
        }
    }

    /// <summary>True for the current token, or the one it replaced while its grace period lasts.</summary>
    public bool AcceptsToken(string nonce, DateTimeOffset now)
    {
        lock (_gate)
        {
            return string.Equals(nonce, _currentNonce, StringComparison.Ordinal)
                || (now < _previousValidUntil && string.Equals(nonce, _previousNonce, StringComparison.Ordinal));
        }
    }

    /// <summary>Ends the streams and the turn queue; called when the conversation is forgotten.</summary>
    public void Close()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
            _activities.Clear();
        }

        Turns.Writer.TryComplete();
    }
}
