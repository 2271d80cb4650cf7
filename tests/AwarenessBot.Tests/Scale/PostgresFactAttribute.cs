namespace AwarenessBot.Tests.Scale;

/// <summary>
/// A fact that needs the PostgreSQL test server (AWARENESSBOT_TEST_POSTGRES, see .ci/postgres.sh): skipped on a
/// laptop without it, but run — and failing in <see cref="TestPostgres.RequireConnectionString"/> — when CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
