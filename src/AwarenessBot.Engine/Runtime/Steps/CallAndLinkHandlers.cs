using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>call: push the flow; when it ends, this frame goes on to its next.</summary>
internal sealed class CallHandler(DialogStack stack) : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        stack.Push(ctx, step.Flow!, null, null);
        return StepOutcome.Continue;
    }
}

/// <summary>link: the whole stack is replaced by the flow (the menu, a restart).</summary>
internal sealed class LinkHandler(DialogStack stack) : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        ctx.Session.Stack.Clear();
        stack.Push(ctx, step.Flow!, null, null);
        return StepOutcome.Continue;
    }
}
