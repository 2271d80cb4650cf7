using Xunit.Sdk;

namespace AwarenessBot.Testing.Database;

/// <summary>
/// A fact that is skipped when its class is marked <see cref="RequiresPostgresAttribute"/> and no test server is
/// configured — except under CI=true, where it runs and fails (see <see cref="PostgresTestServer"/>).
/// Used on the shared contract tests, whose concrete class decides the backend.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("AwarenessBot.Testing.Database.DbFactDiscoverer", "AwarenessBot.Testing.Database")]
public sealed class DbFactAttribute : FactAttribute;
