using AwarenessBot.Catalog;
using AwarenessBot.Analytics;

namespace AwarenessBot.Analytics.Tests;

public sealed class AnalyticsEventFilterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly AnalyticsCounters _counters = new();

    [Fact]
    public void Allowed_dimensions_with_short_code_values_are_kept()
    {
        var clean = Clean(AnalyticsEventNames.ServicesShown, ("need", "shelter"), ("region", "NB"), ("service_id", "nb-211"));

        Assert.NotNull(clean);
        Assert.Equal(3, clean.Dimensions.Count);
        Assert.Equal(0, _counters.RejectedDimensions);
    }

    [Theory]
    [InlineData("module", "text")] // key not allowed for this event
    [InlineData("user_id", "abc")] // key not allowed anywhere
    [InlineData("region", "someone@example.org")] // '@'
    [InlineData("region", "call 6135551234")] // digit run (phone)
    [InlineData("region", "K1A 0B1 12345")] // digit run of 5
    [InlineData("region", "a value that is clearly longer than forty characters")]
    [InlineData("region", "")]
    public void Disallowed_keys_and_values_that_could_be_text_or_ids_are_dropped_and_counted(string key, string value)
    {
        var clean = Clean(AnalyticsEventNames.SessionStarted, ("channel", "webchat"), (key, value));

        Assert.NotNull(clean);
        Assert.Equal(["channel"], clean.Dimensions.Keys);
        Assert.Equal(1, _counters.RejectedDimensions);
    }

    [Fact]
    public void Four_digit_runs_are_allowed()
    {
        Assert.NotNull(Clean(AnalyticsEventNames.ServicesShown, ("service_id", "on-1234")));
        Assert.Equal(0, _counters.RejectedDimensions);
    }

    [Fact]
    public void Unknown_event_names_are_dropped_whole_and_counted()
    {
        Assert.Null(Clean("message_received", ("channel", "webchat")));
        Assert.Equal(1, _counters.RejectedEvents);
    }

    [Theory]
    [InlineData("user-1")] // too short to be our random key
    [InlineData("someone@example.org-padding-padding")]
    public void Session_keys_that_are_not_random_keys_drop_the_event(string sessionKey)
    {
        var clean = AnalyticsEventFilter.Clean(
            new AnalyticsEvent(AnalyticsEventNames.DataDeleted, sessionKey, At, new Dictionary<string, string>()), _counters);

        Assert.Null(clean);
        Assert.Equal(1, _counters.RejectedEvents);
    }

    [Fact]
    public void A_full_buffer_drops_new_events_and_counts_them()
    {
        var sink = new ChannelAnalyticsSink(new AnalyticsOptions { BufferCapacity = 2 }, _counters);

        for (var i = 0; i < 3; i++)
        {
            sink.Record(new AnalyticsEvent(AnalyticsEventNames.DataDeleted, AnalyticsSessionKey.New(), At, new Dictionary<string, string>()));
        }

        Assert.Equal(1, _counters.DroppedEvents);
        Assert.Equal(2, sink.Reader.Count);
    }

    private AnalyticsEvent? Clean(string name, params (string Key, string Value)[] dimensions)
        => AnalyticsEventFilter.Clean(
            new AnalyticsEvent(name, AnalyticsSessionKey.New(), At, dimensions.ToDictionary(d => d.Key, d => d.Value)), _counters);
}
