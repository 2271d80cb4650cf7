using System.Globalization;
using CsvHelper;

namespace AwarenessBot.Analytics;

/// <summary>CSV export of one aggregate; counts render through <see cref="SuppressedCount"/>, so small ones are "&lt;5".</summary>
public static class AnalyticsCsv
{
    /// <summary>Names accepted by <see cref="TryWrite"/> (also the export file names).</summary>
    public static IReadOnlyList<string> AggregateNames { get; } =
        ["sessions", "sessions_by_channel", "sessions_by_age_band", "sessions_by_region", "funnel", "quiz", "services", "crises"];

    // RFC 4180 quoting with "\n" line ends; a cell that starts like a spreadsheet formula ("=", "+", "-", "@", tab, CR)
    // gets a leading apostrophe (and quotes), so a spreadsheet shows it as text. "<5" is left as it is.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Injection = CsvInjection.Escape,
    };

    /// <summary>Renders the named aggregate as CSV (header row first); false for an unknown name.</summary>
    public static bool TryWrite(AnalyticsAggregates aggregates, string aggregateName, out string csv)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        var rows = Rows(aggregates, aggregateName);
        if (rows is null)
        {
            csv = string.Empty;
            return false;
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteRecord(row);
            }
        }

        csv = text.ToString();
        return true;
    }

    private static IEnumerable<string[]>? Rows(AnalyticsAggregates aggregates, string aggregateName) => aggregateName switch
    {
        "sessions" => Labels(["day", "sessions"], aggregates.SessionsByDay),
        "sessions_by_channel" => Labels(["channel", "sessions"], aggregates.SessionsByChannel),
        "sessions_by_age_band" => Labels(["age_band", "sessions"], aggregates.SessionsByAgeBand),
        "sessions_by_region" => Labels(["region", "sessions"], aggregates.SessionsByRegion),
        "services" => Labels(["region", "services_shown"], aggregates.ServicesShownByRegion),
        "crises" => Labels(["category", "crises"], aggregates.CrisesByCategory),
        "funnel" => aggregates.ModuleFunnel
            .Select(row => new[] { row.Module, row.Started.ToString(), row.Completed.ToString(), Rate(row.CompletionRate) })
            .Prepend(["module", "started", "completed", "completion_rate"]),
        "quiz" => aggregates.Quiz
            .Select(row => new[] { row.Module, row.Answered.ToString(), row.Correct.ToString(), Rate(row.CorrectRate) })
            .Prepend(["module", "answered", "correct", "correct_rate"]),
        _ => null,
    };

    private static IEnumerable<string[]> Labels(string[] header, IReadOnlyList<LabelCount> rows) =>
        rows.Select(row => new[] { row.Label, row.Count.ToString() }).Prepend(header);

    private static string Rate(double? rate) => rate?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty;
}
