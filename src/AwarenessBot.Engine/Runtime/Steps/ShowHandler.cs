using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime.Steps;

internal sealed class ShowHandler(ContentRenderer content) : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        content.Show(ctx, step.Content!);
        return StepOutcome.Goto(Conditions.Resolve(step.Next, ctx, frame));
    }
}
