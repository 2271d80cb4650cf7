using AwarenessBot.Tests.Support;
using Npgsql;

namespace AwarenessBot.Tests.Scale;

/// <summary>The PostgreSQL test server, the same convention as the storage tests: one fresh schema per test.</summary>
internal static class TestPostgres
{
    public const string EnvironmentVariable = "AWARENESSBOT_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs ? cs : null;

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the test is skipped, or null when it must run (always under CI=true).</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"{EnvironmentVariable} is not set (run: eval \"$(bash .ci/postgres.sh)\"); these tests run under CI=true."
        : null;

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException($"{EnvironmentVariable} must be set when CI=true (see .ci/postgres.sh).");

    /// <summary>Matches the product's rule for schema names (^[a-z_][a-z0-9_]{0,62}$).</summary>
    public static string NewSchemaName() => "host_" + Guid.NewGuid().ToString("N");

    /// <summary>Rows of the state table of a conversation and its user (the host's hashed keys, see <see cref="HostStateKeys"/>).</summary>
    public static async Task<long> CountStateRowsAsync(string schema, string conversationId)
    {
        await using var dataSource = NpgsqlDataSource.Create(RequireConnectionString());
        await using var command = dataSource.CreateCommand($"SELECT COUNT(*) FROM \"{schema}\".state WHERE key = ANY(@keys)");
        command.Parameters.AddWithValue("keys", HostStateKeys.For(conversationId));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<string>> StateKeysAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(RequireConnectionString());
        await using var command = dataSource.CreateCommand($"SELECT key FROM \"{schema}\".state ORDER BY key");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(RequireConnectionString());
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }
}
