using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime;

/// <summary>Begins and ends flows on the persisted stack, reporting modules as they start and finish.</summary>
internal sealed class DialogStack(FlowCatalog flows)
{
    /// <summary>Deep enough for menu → module → call → interruption → crisis; beyond it something loops.</summary>
    public const int MaxDepth = 8;

    public FlowCatalog Flows => flows;

    public void Push(TurnContext ctx, string flowId, string? step, IReadOnlyDictionary<string, string>? values)
    {
        var flow = flows.Get(flowId);
        if (ctx.Session.Stack.Count >= MaxDepth) ctx.Session.Stack.RemoveRange(0, ctx.Session.Stack.Count - MaxDepth + 1);
        ctx.Session.Stack.Add(new DialogFrame
        {
            Flow = flow.Id,
            Step = step ?? flow.FirstStep.Id,
            Values = values is { Count: > 0 } ? new Dictionary<string, string>(values, StringComparer.Ordinal) : null,
        });
        if (flow.Type == FlowType.Module) ctx.Emit(AnalyticsEventNames.ModuleStarted, ("module", flow.Id));
    }

    /// <summary>Pops the top frame; returns the flow that ended.</summary>
    public FlowDefinition Pop(TurnContext ctx, bool completed)
    {
        var frame = ctx.Session.Stack[^1];
        ctx.Session.Stack.RemoveAt(ctx.Session.Stack.Count - 1);
        var flow = flows.Get(frame.Flow);
        if (completed && flow.Type == FlowType.Module) ctx.Emit(AnalyticsEventNames.ModuleCompleted, ("module", flow.Id));
        return flow;
    }

    /// <summary>The module the person is in (for quiz events), or the current flow.</summary>
    public string CurrentModule(TurnContext ctx)
    {
        for (var i = ctx.Session.Stack.Count - 1; i >= 0; i--)
        {
            if (flows.Find(ctx.Session.Stack[i].Flow) is { Type: FlowType.Module } flow) return flow.Id;
        }
        return ctx.Top?.Flow ?? "";
    }

    public static int IndexOf(TurnContext ctx, string flowId) =>
        ctx.Session.Stack.FindLastIndex(f => string.Equals(f.Flow, flowId, StringComparison.Ordinal));

    public StepDefinition? StepOf(DialogFrame frame) => flows.Find(frame.Flow)?.FindStep(frame.Step);
}
