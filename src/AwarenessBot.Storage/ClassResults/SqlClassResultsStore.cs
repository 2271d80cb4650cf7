using System.Globalization;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// class_codes(code, band, expires_at) and class_counts(code, question, choice, answers) in the same SQLite file or
/// PostgreSQL database as state. An answer is one upsert that only lands while its code is live, so an expired or
/// made-up code can never start a count.
/// </summary>
internal sealed class SqlClassResultsStore(SchemaGate gate, TimeProvider time) : IClassResultsStore
{
    private const int CreateAttempts = 3;

    private SqlDialect D => gate.Dialect;

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<ClassCodeIssued> CreateAsync(string ageBand, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + ClassCode.Lifetime;
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        // A collision needs two equal 40-bit draws; trying again is cheaper than reasoning about it.
        for (var attempt = 0; attempt < CreateAttempts; attempt++)
        {
            var code = ClassCode.New();
            await using var command = DbCommands.Create(
                lease.Connection,
                $"INSERT INTO {D.ClassCodesTable} (code, band, expires_at) VALUES (@code, @band, @expires) ON CONFLICT (code) DO NOTHING",
                null,
                ("code", code),
                ("band", ageBand),
                ("expires", expires.ToUnixTimeMilliseconds()));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return new ClassCodeIssued(code, expires);
            }
        }

        throw new InvalidOperationException("Could not draw an unused class code.");
    }

    public async Task<bool> IsLiveAsync(string code, CancellationToken cancellationToken)
        => await LiveCodeAsync(code, cancellationToken) is not null;

    public async Task<bool> CountAsync(string code, string question, string choice, CancellationToken cancellationToken)
    {
        if (!ClassAnswerKey.IsValid(question, choice))
        {
            return false;
        }

        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        await using var command = DbCommands.Create(
            lease.Connection,
            $"""
            INSERT INTO {D.ClassCountsInsertTarget} (code, question, choice, answers)
            SELECT code, @question, @choice, 1 FROM {D.ClassCodesTable} WHERE code = @code AND expires_at > @now
            ON CONFLICT (code, question, choice) DO UPDATE SET answers = {D.ClassCountsExistingRow}.answers + 1
            """,
            null,
            ("code", code),
            ("question", question),
            ("choice", choice),
            ("now", NowMs));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<ClassTally?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        if (await LiveCodeAsync(code, cancellationToken) is not var (band, expires))
        {
            return null;
        }

        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection, $"SELECT question, choice, answers FROM {D.ClassCountsTable} WHERE code = @code", null, ("code", code));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<ClassChoiceCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new ClassChoiceCount(
                reader.GetString(0), reader.GetString(1), SuppressedCount.From(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture))));
        }

        return new ClassTally(band, expires, ClassTallyOrder.Sort(counts));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken);
        await using var codes = DbCommands.Create(
            lease.Connection, $"DELETE FROM {D.ClassCodesTable} WHERE expires_at <= @now", transaction, ("now", NowMs));
        var deleted = await codes.ExecuteNonQueryAsync(cancellationToken);

        // Counts whose code is gone, whichever instance's clock expired it.
        await using var counts = DbCommands.Create(
            lease.Connection,
            $"DELETE FROM {D.ClassCountsTable} WHERE NOT EXISTS (SELECT 1 FROM {D.ClassCodesTable} c WHERE c.code = {D.ClassCountsTable}.code)",
            transaction);
        await counts.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private async Task<(string Band, DateTimeOffset ExpiresAt)?> LiveCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            $"SELECT band, expires_at FROM {D.ClassCodesTable} WHERE code = @code AND expires_at > @now",
            null,
            ("code", code),
            ("now", NowMs));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)))
            : null;
    }
}
