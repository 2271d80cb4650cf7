using Xunit.Sdk;

namespace AwarenessBot.Edge.Tests.Support;

/// <summary>The theory form of <see cref="DbFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("AwarenessBot.Edge.Tests.Support.DbTheoryDiscoverer", "AwarenessBot.Edge.Tests")]
public sealed class DbTheoryAttribute : TheoryAttribute;
