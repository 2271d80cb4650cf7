using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Validation;

/// <summary>Rules about where steps lead: unknown targets, unknown flows, unreachable steps, unused flows.</summary>
internal sealed partial class FlowMeaningStage
{
    /// <summary>Every (target, line) a step can lead to.</summary>
    internal static IEnumerable<(string Target, int Line)> Targets(StepDefinition step)
    {
        foreach (var t in Nexts(step.Next)) yield return t;
        foreach (var choice in step.Choices)
        {
            foreach (var t in Nexts(choice.Next)) yield return t;
        }
        foreach (var route in step.Routes)
        {
            foreach (var t in Nexts(route.Next)) yield return t;
        }
        foreach (var c in step.Cases) yield return (c.Next, c.Line);
        if (step.Else is { } e) yield return (e, step.Line);
        if (step.Otherwise is { } o) yield return (o, step.Line);
        if (step.OtherwiseAgain is { } again) yield return (again, step.Line);
    }

    private static IEnumerable<(string, int)> Nexts(NextDefinition? next) =>
        next is null ? [] : next.Targets().Select(t => (t, next.Line));

    private void UnknownTargets(FlowDefinition flow)
    {
        foreach (var step in flow.Steps)
        {
            foreach (var (target, line) in Targets(step))
            {
                if (target != NextDefinition.EndSentinel && flow.FindStep(target) is null)
                    Error("unknown-target", flow, step, line, $"'next' goes to '{target}', which is not a step of this flow (or 'end').");
            }
            if (step.Kind is StepKind.Call or StepKind.Link && step.Flow is { } callee && !_byId.ContainsKey(callee) && flows.All(f => f.Id != callee))
                Error("unknown-flow", flow, step, step.Line, $"'{step.Kind.ToString().ToLowerInvariant()}' names flow '{callee}', which does not exist.");
        }
    }

    private void Unreachable(FlowDefinition flow)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        void Visit(string id)
        {
            if (id != NextDefinition.EndSentinel && reached.Add(id)) queue.Enqueue(id);
        }
        Visit(flow.FirstStep.Id);
        foreach (var trigger in flow.Triggers)
        {
            if (trigger.Step is { } s) Visit(s);
        }
        while (queue.Count > 0)
        {
            if (flow.FindStep(queue.Dequeue()) is not { } step) continue;
            foreach (var (target, _) in Targets(step)) Visit(target);
        }
        foreach (var step in flow.Steps)
        {
            if (!reached.Contains(step.Id))
                Error("unreachable-step", flow, step, step.Line, "No step, choice or trigger leads here.");
        }
    }

    private void UnusedFlows()
    {
        // The lesson welcome is optional: a lesson link starts it when it exists; so is the out-of-scope reply (the engine
        // re-prompts without it).
        var used = new HashSet<string>(EngineRequirements.Flows, StringComparer.Ordinal) { Runtime.FlowCatalog.LessonWelcome, Runtime.FlowCatalog.OutOfScope };
        foreach (var flow in flows)
        {
            if (flow.Triggers.Count > 0) used.Add(flow.Id);
            // A category's own check-in is started by the engine by its name (FlowCatalog.CheckInFor).
            if (flow.Type == FlowType.Crisis && Runtime.FlowCatalog.IsCategoryCheckIn(flow.Id)) used.Add(flow.Id);
            foreach (var step in flow.Steps)
            {
                if (step.Flow is { } f) used.Add(f);
            }
        }
        foreach (var flow in flows)
        {
            if (!used.Contains(flow.Id))
                Warn("unused-flow", flow, null, flow.Line, "No trigger, call or link starts this flow.");
        }
    }
}
