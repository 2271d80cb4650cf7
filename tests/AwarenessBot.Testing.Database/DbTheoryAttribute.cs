using Xunit.Sdk;

namespace AwarenessBot.Testing.Database;

/// <summary>The theory form of <see cref="DbFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("AwarenessBot.Testing.Database.DbTheoryDiscoverer", "AwarenessBot.Testing.Database")]
public sealed class DbTheoryAttribute : TheoryAttribute;
