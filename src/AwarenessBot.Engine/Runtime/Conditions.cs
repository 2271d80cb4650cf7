using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime;

internal static class Conditions
{
    public static bool Holds(ConditionDefinition condition, TurnContext ctx, DialogFrame frame)
    {
        if (condition.Any is { } any) return any.Any(c => Holds(c, ctx, frame));
        if (condition.All is { } all) return all.All(c => Holds(c, ctx, frame));
        if (condition.Field is null) return false;
        var value = FieldAccess.Read(ctx, frame, condition.Field);
        if (condition.Exists is { } exists) return exists == !string.IsNullOrEmpty(value);
        if (condition.In is { } set) return value is not null && set.Contains(value);
        return condition.EqualsValue is not null && string.Equals(value, condition.EqualsValue, StringComparison.Ordinal);
    }

    /// <summary>The step id (or "end") that a next leads to now.</summary>
    public static string Resolve(NextDefinition? next, TurnContext ctx, DialogFrame frame)
    {
        if (next is null) return NextDefinition.EndSentinel;
        if (next.Step is not null) return next.Step;
        var taken = next.If is not null && Holds(next.If, ctx, frame) ? next.Then : next.Else;
        return taken ?? NextDefinition.EndSentinel;
    }
}
