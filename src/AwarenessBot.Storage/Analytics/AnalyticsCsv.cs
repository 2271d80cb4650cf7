using System.Globalization;
using System.Text;

namespace AwarenessBot.Storage.Analytics;

/// <summary>CSV export of one aggregate; counts render through <see cref="SuppressedCount"/>, so small ones are "&lt;5".</summary>
public static class AnalyticsCsv
{
    /// <summary>Names accepted by <see cref="TryWrite"/> (also the export file names).</summary>
    public static IReadOnlyList<string> AggregateNames { get; } =
        ["sessions", "sessions_by_channel", "sessions_by_age_band", "sessions_by_region", "funnel", "quiz", "services", "crises"];

    /// <summary>Renders the named aggregate as CSV (header row first); false for an unknown name.</summary>
    public static bool TryWrite(AnalyticsAggregates aggregates, string aggregateName, out string csv)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        var builder = new StringBuilder();
        switch (aggregateName)
        {
            case "sessions": Labels(builder, "day,sessions", aggregates.SessionsByDay); break;
            case "sessions_by_channel": Labels(builder, "channel,sessions", aggregates.SessionsByChannel); break;
            case "sessions_by_age_band": Labels(builder, "age_band,sessions", aggregates.SessionsByAgeBand); break;
            case "sessions_by_region": Labels(builder, "region,sessions", aggregates.SessionsByRegion); break;
            case "services": Labels(builder, "region,services_shown", aggregates.ServicesShownByRegion); break;
            case "crises": Labels(builder, "category,crises", aggregates.CrisesByCategory); break;
            case "funnel":
                builder.Append("module,started,completed,completion_rate\n");
                foreach (var row in aggregates.ModuleFunnel)
                {
                    Line(builder, row.Module, row.Started.ToString(), row.Completed.ToString(), Rate(row.CompletionRate));
                }

                break;
            case "quiz":
                builder.Append("module,answered,correct,correct_rate\n");
                foreach (var row in aggregates.Quiz)
                {
                    Line(builder, row.Module, row.Answered.ToString(), row.Correct.ToString(), Rate(row.CorrectRate));
                }

                break;
            default:
                csv = string.Empty;
                return false;
        }

        csv = builder.ToString();
        return true;
    }

    private static void Labels(StringBuilder builder, string header, IReadOnlyList<LabelCount> rows)
    {
        builder.Append(header).Append('\n');
        foreach (var row in rows)
        {
            Line(builder, row.Label, row.Count.ToString());
        }
    }

    private static void Line(StringBuilder builder, params string[] cells)
    {
        builder.AppendJoin(',', cells.Select(Escape)).Append('\n');
    }

    private static string Rate(double? rate) => rate?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty;

    // Quote when needed, and defuse spreadsheet formulas ("=", "+", "-", "@" at the start); "<5" is left as it is.
    private static string Escape(string cell)
    {
        var safe = cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
