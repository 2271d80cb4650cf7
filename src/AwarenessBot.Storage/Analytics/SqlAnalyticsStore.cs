using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.Analytics;

/// <summary>analytics_events(day, name, session_key, dims) in the same SQLite file or PostgreSQL database as state.</summary>
internal sealed partial class SqlAnalyticsStore(SchemaGate gate) : IAnalyticsStore
{
    private SqlDialect D => gate.Dialect;

    /// <remarks>
    /// One command for the whole batch, its parameters re-bound per event: a command per event re-prepared the same
    /// INSERT every time (a batch holds a second of turns' events), and the batch holds SQLite's single write lock
    /// that every turn's state write queues for.
    /// </remarks>
    public async Task AppendAsync(IReadOnlyList<AnalyticsEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = $"INSERT INTO {D.AnalyticsTable} (day, name, session_key, dims) VALUES (@day, @name, @session, {D.JsonParameter("dims")})";
        await using var command = DbCommands.Create(
            connection, sql, transaction, (D.BoundName("day"), null), (D.BoundName("name"), null), (D.BoundName("session"), null), (D.BoundName("dims"), null));
        var (day, name, session, dims) = (command.Parameters[0], command.Parameters[1], command.Parameters[2], command.Parameters[3]);
        foreach (var e in events)
        {
            day.Value = D.DayValue(DateOnly.FromDateTime(e.At.UtcDateTime));
            name.Value = e.Name;
            session.Value = e.SessionKey;
            dims.Value = JsonSerializer.Serialize(e.Dimensions);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RawCount>> CountAsync(CountRequest request, CancellationToken cancellationToken)
    {
        // Group-by names end up in SQL text (JSON paths), so they must be plain identifiers from our allow-list.
        var groups = request.GroupBy.Select(Expression).ToList();
        var count = request.DistinctSessions ? "COUNT(DISTINCT session_key)" : "COUNT(*)";
        var select = groups.Count == 0 ? count : string.Join(", ", groups) + ", " + count;
        var groupBy = groups.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", groups) + " ORDER BY " + string.Join(", ", groups);
        var sql = $"SELECT {select} FROM {D.AnalyticsTable} WHERE name = @name AND day >= @from AND day <= @to{groupBy}";

        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection, sql, null, ("name", request.EventName), ("from", D.DayValue(request.From)), ("to", D.DayValue(request.To)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RawCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var labels = new string?[groups.Count];
            for (var i = 0; i < groups.Count; i++)
            {
                labels[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(new RawCount(labels, Convert.ToInt64(reader.GetValue(groups.Count), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private string Expression(string groupBy)
    {
        if (groupBy == CountRequest.Day)
        {
            return D.DayAsText;
        }

        return Identifier().IsMatch(groupBy)
            ? D.JsonField("dims", groupBy)
            : throw new ArgumentException("Group-by must be a plain dimension key.", nameof(groupBy));
    }

    [GeneratedRegex("^[a-z_]{1,32}$")]
    private static partial Regex Identifier();
}
