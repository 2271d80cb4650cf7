using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime.Steps;

internal sealed class BranchHandler : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        foreach (var c in step.Cases)
        {
            if (Conditions.Holds(c.If, ctx, frame)) return StepOutcome.Goto(c.Next);
        }
        return StepOutcome.Goto(step.Else ?? Conditions.Resolve(step.Next, ctx, frame));
    }
}

internal sealed class SetHandler : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        var value = step.From is { } from ? FieldAccess.Read(ctx, frame, from) : step.Value;
        FieldAccess.Write(ctx, frame, step.Target!, value);
        return StepOutcome.Goto(Conditions.Resolve(step.Next, ctx, frame));
    }
}

internal sealed class EndHandler : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step) => StepOutcome.Goto(NextDefinition.EndSentinel);
}
