using System.Text.Json;
using AwarenessBot.Analytics;

namespace AwarenessBot.Analytics.Tests;

public sealed class SuppressedCountTests
{
    [Theory]
    [InlineData(0, "<5")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(12345, "12345")]
    public void Counts_below_five_render_as_under_five_everywhere(long raw, string expected)
    {
        var count = SuppressedCount.From(raw);

        Assert.Equal(expected, count.ToString());
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(count)); // "<" may be escaped as \u003C: parse, don't grep
        Assert.Equal(raw < 5 ? JsonValueKind.String : JsonValueKind.Number, json.RootElement.ValueKind);
        Assert.Equal(expected, json.RootElement.ToString());
        Assert.Equal(raw < 5 ? null : raw, count.Value);
    }

    [Fact]
    public void Two_suppressed_counts_are_indistinguishable()
    {
        Assert.Equal(SuppressedCount.From(1), SuppressedCount.From(4));
        Assert.Equal(SuppressedCount.From(1).GetHashCode(), SuppressedCount.From(4).GetHashCode());
    }

    [Fact]
    public void Aggregates_serialise_with_suppressed_cells_as_strings()
    {
        var aggregates = Sample();

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(aggregates));

        var regions = json.RootElement.GetProperty("SessionsByRegion");
        Assert.Equal("<5", regions[0].GetProperty("Count").GetString());
        Assert.Equal(5, regions[1].GetProperty("Count").GetInt32());
    }

    [Fact]
    public void Csv_export_shows_under_five_and_defuses_formulas()
    {
        Assert.True(AnalyticsCsv.TryWrite(Sample(), "sessions_by_region", out var csv));
        // A formula-like cell gets an apostrophe in front and is quoted (CsvHelper's CsvInjection.Escape).
        Assert.Equal("region,sessions\nNS,<5\nQC,5\n\"'=HYPERLINK(\"\"x\"\")\",5\n\"'@SUM(A1)\",7\n", csv);

        Assert.True(AnalyticsCsv.TryWrite(Sample(), "funnel", out var funnel));
        Assert.Equal("module,started,completed,completion_rate\nfake_jobs,6,<5,\n", funnel);
        Assert.False(AnalyticsCsv.TryWrite(Sample(), "users", out _));
    }

    [Fact]
    public void Every_export_name_renders()
    {
        foreach (var name in AnalyticsCsv.AggregateNames)
        {
            Assert.True(AnalyticsCsv.TryWrite(Sample(), name, out var csv), name);
            var lines = csv.Split('\n');
            Assert.Equal("", lines[^1]); // every record ends with \n
            var columns = lines[0].Split(',').Length;
            Assert.True(columns >= 2, $"{name}: header '{lines[0]}'");
            Assert.All(lines[1..^1], line => Assert.Equal(columns, line.Split(',').Length));
        }
    }

    private static AnalyticsAggregates Sample() => new(
        new DateOnly(2026, 11, 1),
        new DateOnly(2026, 11, 28),
        [new LabelCount("2026-11-02", SuppressedCount.From(3))],
        [],
        [],
        [new LabelCount("NS", SuppressedCount.From(4)), new LabelCount("QC", SuppressedCount.From(5)), new LabelCount("=HYPERLINK(\"x\")", SuppressedCount.From(5)), new LabelCount("@SUM(A1)", SuppressedCount.From(7))],
        [new ModuleFunnelRow("fake_jobs", SuppressedCount.From(6), SuppressedCount.From(2), null)],
        [],
        [],
        []);
}
