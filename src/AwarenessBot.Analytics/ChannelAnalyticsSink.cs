using System.Threading.Channels;

namespace AwarenessBot.Analytics;

/// <summary>A bounded in-memory buffer between the turn and the background writer.</summary>
internal sealed class ChannelAnalyticsSink : IAnalyticsSink
{
    private readonly Channel<AnalyticsEvent> _channel;
    private readonly AnalyticsCounters _counters;

    public ChannelAnalyticsSink(AnalyticsOptions options, AnalyticsCounters counters)
    {
        _counters = counters;
        _channel = Channel.CreateBounded<AnalyticsEvent>(new BoundedChannelOptions(options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full buffer refuses, and we count the drop
            SingleReader = true,
        });
    }

    public ChannelReader<AnalyticsEvent> Reader => _channel.Reader;

    public void Record(AnalyticsEvent analyticsEvent)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        var clean = AnalyticsEventFilter.Clean(analyticsEvent, _counters);
        if (clean is not null && !_channel.Writer.TryWrite(clean))
        {
            _counters.DropEvent();
        }
    }

    public void Complete() => _channel.Writer.TryComplete();
}
