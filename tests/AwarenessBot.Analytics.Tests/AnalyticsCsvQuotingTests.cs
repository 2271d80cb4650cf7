using AwarenessBot.Analytics;

namespace AwarenessBot.Analytics.Tests;

public sealed class AnalyticsCsvQuotingTests
{
    [Fact]
    public void Cells_with_a_comma_a_quote_or_a_line_break_are_quoted_and_the_rest_are_not()
    {
        var channels = new LabelCount[]
        {
            new("webchat", SuppressedCount.From(9)),
            new("Kitchener, ON", SuppressedCount.From(5)),
            new("say \"hi\"", SuppressedCount.From(6)),
            new("two\nlines", SuppressedCount.From(7)),
            new("cr\r\nlf", SuppressedCount.From(8)),
        };
        var aggregates = new AnalyticsAggregates(
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28), [], channels, [], [], [], [], [], []);

        Assert.True(AnalyticsCsv.TryWrite(aggregates, "sessions_by_channel", out var csv));

        Assert.Equal(
            "channel,sessions\nwebchat,9\n\"Kitchener, ON\",5\n\"say \"\"hi\"\"\",6\n\"two\nlines\",7\n\"cr\r\nlf\",8\n",
            csv);
    }
}
