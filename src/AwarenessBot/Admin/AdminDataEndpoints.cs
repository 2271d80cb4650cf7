using System.Text;
using AwarenessBot.Analytics;

namespace AwarenessBot.Admin;

/// <summary>JSON and CSV of the suppressed aggregates (every count below 5 already reads "&lt;5").</summary>
internal static class AdminDataEndpoints
{
    /// <summary>No data: tells the page whether the dashboard is configured.</summary>
    public static IResult Status(AdminOptions options, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { enabled = options.IsEnabled, minimumKeyLength = AdminOptions.MinimumKeyLength });
    }

    public static async Task<IResult> AggregatesAsync(
        string? from, string? to, IAnalyticsQuery query, AdminOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AdminDateRange.TryParse(from, to, time, options.DefaultDays, out var range))
        {
            return Results.BadRequest(new { error = $"from/to must be yyyy-MM-dd, from <= to, at most {AdminDateRange.MaxDays} days." });
        }

        return Results.Json(await query.GetAggregatesAsync(range.From, range.To, cancellationToken));
    }

    public static async Task<IResult> CsvAsync(
        string aggregate, string? from, string? to, IAnalyticsQuery query, AdminOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AnalyticsCsv.AggregateNames.Contains(aggregate, StringComparer.Ordinal))
        {
            return Results.NotFound();
        }

        if (!AdminDateRange.TryParse(from, to, time, options.DefaultDays, out var range))
        {
            return Results.BadRequest();
        }

        var aggregates = await query.GetAggregatesAsync(range.From, range.To, cancellationToken);
        AnalyticsCsv.TryWrite(aggregates, aggregate, out var csv);
        var fileName = $"awarenessbot-{aggregate}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
    }
}
