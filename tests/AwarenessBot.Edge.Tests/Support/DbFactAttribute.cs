using Xunit.Sdk;

namespace AwarenessBot.Edge.Tests.Support;

/// <summary>
/// A fact that is skipped when its class is marked <see cref="RequiresPostgresAttribute"/> and no test server is
/// configured — except under CI=true, where it runs and fails (see <see cref="PostgresTestServer"/>).
/// Used on the shared contract tests, whose concrete class decides the backend.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("AwarenessBot.Edge.Tests.Support.DbFactDiscoverer", "AwarenessBot.Edge.Tests")]
public sealed class DbFactAttribute : FactAttribute;
