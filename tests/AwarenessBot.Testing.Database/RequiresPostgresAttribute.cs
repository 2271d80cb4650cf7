namespace AwarenessBot.Testing.Database;

/// <summary>Marks a test class whose <see cref="DbFactAttribute"/> tests need the PostgreSQL test server.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresPostgresAttribute : Attribute;
