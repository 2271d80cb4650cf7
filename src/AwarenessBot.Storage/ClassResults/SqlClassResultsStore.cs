using System.Globalization;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// class_codes(code, band, key_hash, salt, expires_at), class_counts(code, question, choice, answers) and
/// class_answered(code, mark) in the same SQLite file or PostgreSQL database as state. An answer is, in one
/// transaction, its mark (<see cref="ClassAnswerMark"/>; a second answer to the same question finds it and stops
/// there) and an upsert that only lands while its code is live, so an expired or made-up code can never start a count.
/// </summary>
internal sealed class SqlClassResultsStore(SchemaGate gate, TimeProvider time) : IClassResultsStore
{
    private const int CreateAttempts = 3;

    private SqlDialect D => gate.Dialect;

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<ClassCodeIssued> CreateAsync(string ageBand, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + ClassCode.Lifetime;
        var key = ClassResultsKey.New();
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        // A collision needs two equal 40-bit draws; trying again is cheaper than reasoning about it.
        for (var attempt = 0; attempt < CreateAttempts; attempt++)
        {
            var code = ClassCode.New();
            await using var command = DbCommands.Create(
                lease.Connection,
                $"""
                INSERT INTO {D.ClassCodesTable} (code, band, key_hash, salt, expires_at) VALUES (@code, @band, @key_hash, @salt, @expires)
                ON CONFLICT (code) DO NOTHING
                """,
                null,
                ("code", code),
                ("band", ageBand),
                ("key_hash", ClassResultsKey.Hash(key)),
                ("salt", ClassAnswerMark.NewSalt()),
                ("expires", expires.ToUnixTimeMilliseconds()));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return new ClassCodeIssued(code, key, expires);
            }
        }

        throw new InvalidOperationException("Could not draw an unused class code.");
    }

    public async Task<bool> IsLiveAsync(string code, CancellationToken cancellationToken)
        => await LiveCodeAsync(code, cancellationToken) is not null;

    public async Task<bool> CountAsync(string code, string question, string choice, string answerer, CancellationToken cancellationToken)
    {
        if (!ClassAnswerKey.IsValid(question, choice, answerer))
        {
            return false;
        }

        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        string? salt;
        await using (var live = DbCommands.Create(
            lease.Connection, $"SELECT salt FROM {D.ClassCodesTable} WHERE code = @code AND expires_at > @now", null, ("code", code), ("now", NowMs)))
        {
            salt = await live.ExecuteScalarAsync(cancellationToken) as string;
        }

        if (salt is null)
        {
            return false;
        }

        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken);
        await using (var mark = DbCommands.Create(
            lease.Connection,
            $"INSERT INTO {D.ClassAnsweredTable} (code, mark) VALUES (@code, @mark) ON CONFLICT (code, mark) DO NOTHING",
            transaction,
            ("code", code),
            ("mark", ClassAnswerMark.Compute(salt, question, answerer))))
        {
            if (await mark.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        await using var count = DbCommands.Create(
            lease.Connection,
            $"""
            INSERT INTO {D.ClassCountsInsertTarget} (code, question, choice, answers)
            SELECT code, @question, @choice, 1 FROM {D.ClassCodesTable} WHERE code = @code AND expires_at > @now
            ON CONFLICT (code, question, choice) DO UPDATE SET answers = {D.ClassCountsExistingRow}.answers + 1
            """,
            transaction,
            ("code", code),
            ("question", question),
            ("choice", choice),
            ("now", NowMs));
        if (await count.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            // The code expired between the two statements: nothing is kept.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<ClassResultsRead> ReadAsync(string code, string resultsKey, CancellationToken cancellationToken)
    {
        if (await LiveCodeAsync(code, cancellationToken) is not var (band, keyHash, expires))
        {
            return ClassResultsRead.UnknownCode;
        }

        if (!ClassResultsKey.Matches(resultsKey, keyHash))
        {
            return ClassResultsRead.WrongKey;
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

        return ClassResultsRead.Granted(new ClassTally(band, expires, ClassTallyOrder.Sort(counts)));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var lease = await gate.OpenForWriteAsync(cancellationToken);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken);
        await using var codes = DbCommands.Create(
            lease.Connection, $"DELETE FROM {D.ClassCodesTable} WHERE expires_at <= @now", transaction, ("now", NowMs));
        var deleted = await codes.ExecuteNonQueryAsync(cancellationToken);

        // Counts and marks whose code is gone, whichever instance's clock expired it.
        foreach (var table in new[] { D.ClassCountsTable, D.ClassAnsweredTable })
        {
            await using var orphans = DbCommands.Create(
                lease.Connection,
                $"DELETE FROM {table} WHERE NOT EXISTS (SELECT 1 FROM {D.ClassCodesTable} c WHERE c.code = {table}.code)",
                transaction);
            await orphans.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private async Task<(string Band, string KeyHash, DateTimeOffset ExpiresAt)?> LiveCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            $"SELECT band, key_hash, expires_at FROM {D.ClassCodesTable} WHERE code = @code AND expires_at > @now",
            null,
            ("code", code),
            ("now", NowMs));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)))
            : null;
    }
}
