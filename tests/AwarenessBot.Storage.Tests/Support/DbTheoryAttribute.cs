using Xunit.Sdk;

namespace AwarenessBot.Storage.Tests.Support;

/// <summary>The theory form of <see cref="DbFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("AwarenessBot.Storage.Tests.Support.DbTheoryDiscoverer", "AwarenessBot.Storage.Tests")]
public sealed class DbTheoryAttribute : TheoryAttribute;
