using Npgsql;

namespace AwarenessBot.Testing.Database;

/// <summary>
/// The PostgreSQL server the tests use: connection string from AWARENESSBOT_TEST_POSTGRES (start one with
/// .ci/postgres.sh). Missing: skip on a laptop, fail under CI=true. Each test gets its own schema.
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "AWARENESSBOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs ? cs : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests are skipped, or null when they must run.</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"{EnvironmentVariable} is not set (run: eval \"$(.ci/postgres.sh | tail -n 1)\"); PostgreSQL tests run under CI=true."
        : null;

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException($"{EnvironmentVariable} must be set when CI=true (see .ci/postgres.sh).");

    /// <summary>A schema name unique to one test, so runs and tests never collide.</summary>
    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N");

    public static async Task DropSchemaAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(RequireConnectionString());
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }
}
