using System.Data.Common;
using System.Globalization;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Storage.Postgres;

/// <summary>
/// The web channel shared by every instance on one PostgreSQL database: conversations and their activity logs in two
/// tables (created with the state tables), and a NOTIFY on every append or forget, which each instance's
/// <see cref="PostgresWebChannelListener"/> turns into signals for its own open streams. Times are the instances'
/// clocks (TimeProvider, Unix milliseconds), like the memory store's. Activities live only as long as their
/// conversation: deleted with it at the idle timeout, and trimmed to the newest N on every append; they are sealed
/// with a key derived from the shared secret, so the database never holds what people wrote in readable form.
/// </summary>
internal sealed class PostgresWebChannelStore(
    SchemaGate gate,
    PostgresDialect dialect,
    WebChannelSubscribers subscribers,
    IOptions<WebChannelOptions> options,
    TimeProvider time,
    ILogger<PostgresWebChannelStore> logger) : IWebChannelStore
{
    /// <summary>One channel for the database; the payload names the schema, so instances on other schemas ignore it.</summary>
    public const string NotifyChannel = "awarenessbot_directline";

    /// <summary>A lookup writes last_seen at most this often: polls then cost a read, not a write, most of the time.</summary>
    private const long TouchGranularityMs = 1_000;

    private readonly WebChannelOptions _limits = options.Value;
    private readonly ActivitySeal _seal = new(options.Value.Secret);
    private readonly string _conversations = dialect.WebConversationsTable;
    private readonly string _activities = dialect.WebActivitiesTable;

    /// <summary>The NOTIFY payload: <c>{schema} {conversationId} {sequence}</c>; sequence 0 means the conversation was forgotten.</summary>
    public static string Payload(string schema, string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{schema} {conversationId} {sequence}");

    public async Task<WebConversation?> TryCreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Instances admit newcomers one at a time, so the count they compare with the limit is not stale.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext(@key))", cancellationToken, ("key", "awarenessbot-directline-admission:" + dialect.Schema));
        await using (var count = DbCommands.Create(connection, $"SELECT COUNT(*) FROM {_conversations}", transaction))
        {
            var open = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (open >= _limits.MaxConversations
                && await ForgetAsync(connection, transaction, "last_seen <= @cutoff", now - IdleMs, cancellationToken) == 0
                && await ForgetAsync(connection, transaction, $"id = (SELECT id FROM {_conversations} WHERE last_seen <= @cutoff ORDER BY last_seen LIMIT 1)", now - (long)WebChannelOptions.EvictionProtection.TotalMilliseconds, cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                logger.LogWarning("Direct Line channel full: {Count} conversations open, all active in the last minute", open);
                return null;
            }
        }

        await ExecuteAsync(
            connection,
            transaction,
            $"INSERT INTO {_conversations} (id, user_id, last_seen) VALUES (@id, @user, @now)",
            cancellationToken,
            ("id", conversationId),
            ("user", userId),
            ("now", now));
        await transaction.CommitAsync(cancellationToken);
        return new WebConversation(conversationId, userId, Started: false, null, null, DateTimeOffset.MinValue);
    }

    public async Task<WebConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await gate.OpenAsync(cancellationToken);
        var sql = $"""
            WITH touched AS (
                UPDATE {_conversations} SET last_seen = @now
                WHERE id = @id AND last_seen > @cutoff AND last_seen < @now - {TouchGranularityMs})
            SELECT user_id, started, current_nonce, previous_nonce, previous_valid_until
            FROM {_conversations} WHERE id = @id AND last_seen > @cutoff
            """;
        await using var command = DbCommands.Create(connection, sql, null, ("id", conversationId), ("now", now), ("cutoff", now - IdleMs));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WebConversation(
            conversationId,
            reader.GetString(0),
            reader.GetBoolean(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    public async Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await gate.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, $"UPDATE {_conversations} SET started = true WHERE id = @id AND NOT started", cancellationToken, ("id", conversationId)) == 1;
    }

    public async Task ReplaceTokenAsync(string conversationId, string nonce, TimeSpan grace, CancellationToken cancellationToken)
    {
        var until = (time.GetUtcNow() + grace).ToUnixTimeMilliseconds();
        await using var connection = await gate.OpenAsync(cancellationToken);
        await ExecuteAsync(
            connection,
            null,
            $"UPDATE {_conversations} SET previous_nonce = current_nonce, previous_valid_until = @until, current_nonce = @nonce WHERE id = @id",
            cancellationToken,
            ("id", conversationId),
            ("nonce", nonce),
            ("until", until));
    }

    public async Task<long?> AppendAsync(string conversationId, Func<long, DateTimeOffset, string> render, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The row lock taken here orders appends to one conversation across instances: sequence and timestamp both grow.
        long sequence;
        long timestamp;
        await using (var next = DbCommands.Create(
            connection,
            $"""
            UPDATE {_conversations}
            SET last_sequence = last_sequence + 1, last_timestamp = GREATEST(@now, last_timestamp + 1)
            WHERE id = @id RETURNING last_sequence, last_timestamp
            """,
            transaction,
            ("id", conversationId),
            ("now", now.ToUnixTimeMilliseconds())))
        await using (var reader = await next.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            sequence = reader.GetInt64(0);
            timestamp = reader.GetInt64(1);
        }

        var json = render(sequence, DateTimeOffset.FromUnixTimeMilliseconds(timestamp));

        // NOTIFY is delivered at commit, so a listener woken by it always finds the row.
        await ExecuteAsync(
            connection,
            transaction,
            $"""
            INSERT INTO {_activities} (conversation_id, sequence, sealed) VALUES (@id, @sequence, @sealed);
            DELETE FROM {_activities} WHERE conversation_id = @id AND sequence <= @sequence - @keep;
            SELECT pg_notify('{NotifyChannel}', @payload);
            """,
            cancellationToken,
            ("id", conversationId),
            ("sequence", sequence),
            ("sealed", _seal.Seal(conversationId, sequence, json)),
            ("keep", (long)_limits.MaxActivitiesPerConversation),
            ("payload", Payload(dialect.Schema, conversationId, sequence)));
        await transaction.CommitAsync(cancellationToken);

        // This instance's streams need not wait for the notification's round trip.
        subscribers.Signal(conversationId);
        return sequence;
    }

    public async Task<IReadOnlyList<WebChannelActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(
            connection,
            $"SELECT sequence, sealed FROM {_activities} WHERE conversation_id = @id AND sequence > @watermark ORDER BY sequence",
            null,
            ("id", conversationId),
            ("watermark", watermark));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var activities = new List<WebChannelActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            activities.Add(new WebChannelActivity(sequence, _seal.Open(conversationId, sequence, (byte[])reader.GetValue(1))));
        }

        return activities;
    }

    public WebChannelSubscription Subscribe(string conversationId) => subscribers.Add(conversationId);

    public async Task<int> EvictIdleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await gate.OpenAsync(cancellationToken);
        return await ForgetAsync(connection, null, "last_seen <= @cutoff", now - IdleMs, cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await gate.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, $"SELECT COUNT(*) FROM {_conversations}", null);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private long IdleMs => (long)_limits.ConversationIdleTimeout.TotalMilliseconds;

    /// <summary>
    /// Deletes the conversations matching <paramref name="where"/> (activities cascade) and tells every instance, so
    /// their streams end; returns how many.
    /// </summary>
    private async Task<int> ForgetAsync(DbConnection connection, DbTransaction? transaction, string where, long cutoff, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH gone AS (DELETE FROM {_conversations} WHERE {where} RETURNING id)
            SELECT id, pg_notify('{NotifyChannel}', @schema || ' ' || id || ' 0') FROM gone
            """;
        var forgotten = new List<string>();
        await using (var command = DbCommands.Create(connection, sql, transaction, ("cutoff", cutoff), ("schema", dialect.Schema)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                forgotten.Add(reader.GetString(0));
            }
        }

        // In a transaction the notification leaves only at commit; ending local streams a moment early is harmless.
        foreach (var id in forgotten)
        {
            subscribers.End(id);
        }

        return forgotten.Count;
    }

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = DbCommands.Create(connection, sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
