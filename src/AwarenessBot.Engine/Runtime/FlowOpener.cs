using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// Opens the flow a recognised intent triggers. Interruptions go on top of the waiting step (it is asked again after);
/// a module already on the stack jumps to the trigger's step; any other module opens over the main menu, so that
/// finishing it comes back to the menu; the menu replaces everything.
/// </summary>
internal static class FlowOpener
{
    public static void Open(DialogStack stack, TurnContext ctx, RoutedIntent routed)
    {
        var flow = routed.Flow!;
        var trigger = routed.Trigger!;
        var frames = ctx.Session.Stack;
        var at = DialogStack.IndexOf(ctx, flow.Id);
        if (flow.Type is FlowType.Interruption or FlowType.Crisis)
        {
            if (at >= 0 && at == frames.Count - 1) return; // already there: the step is asked again
            stack.Push(ctx, flow.Id, trigger.Step, trigger.Values);
            return;
        }
        if (at >= 0 && flow.Type != FlowType.Menu)
        {
            frames.RemoveRange(at + 1, frames.Count - at - 1);
            frames[at].Step = trigger.Step ?? flow.FirstStep.Id;
            frames[at].Retries = 0;
            foreach (var (key, value) in trigger.Values)
            {
                frames[at].Values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                frames[at].Values![key] = value;
            }
            return;
        }
        var values = WithCrisisNeed(stack, ctx, flow, trigger);
        frames.Clear();
        if (flow.Type != FlowType.Menu) stack.Push(ctx, FlowCatalog.MainMenu, null, null);
        stack.Push(ctx, flow.Id, trigger.Step, values);
    }

    /// <summary>
    /// Opened from a crisis answer or a topic that carries a need (<see cref="FlowDefinition.Need"/>): a flow that looks
    /// services up by value.need starts with it, unless the trigger says the need itself. "en ontario" after the
    /// deportation topic lists Ontario's services for workers, not its trafficking services. The need is the nearest
    /// flow's on the stack that is not an interruption (a greeting or a question about services answered in between
    /// does not lose it).
    /// </summary>
    private static IReadOnlyDictionary<string, string> WithCrisisNeed(DialogStack stack, TurnContext ctx, FlowDefinition flow, TriggerDefinition trigger)
    {
        if (NeedOnStack(stack, ctx) is not { } need
            || trigger.Values.ContainsKey(NeedValue) || !flow.Steps.Any(s => s.NeedFrom == "value." + NeedValue))
            return trigger.Values;
        return new Dictionary<string, string>(trigger.Values, StringComparer.Ordinal) { [NeedValue] = need };
    }

    private static string? NeedOnStack(DialogStack stack, TurnContext ctx)
    {
        for (var i = ctx.Session.Stack.Count - 1; i >= 0; i--)
        {
            if (stack.Flows.Find(ctx.Session.Stack[i].Flow) is not { } below) continue;
            if (below.Type is FlowType.Crisis or FlowType.Module) return below.Need;
            if (below.Type != FlowType.Interruption) return null;
        }
        return null;
    }

    private const string NeedValue = "need";
}
