using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Evaluation.Conversations;

/// <summary>
/// Where each navigation label leads, read from the flows' triggers through the navigation evaluation's own
/// label mapping (<see cref="IntentEvaluation.Label"/>): "worker_pay" is the worker_rights flow at its pay step,
/// "need_shelter" find_help's route with need = shelter, "boyfriend" both the online-safety step and the
/// youth_exploitation flow. A label is reached when the engine enters one of its targets; skip, back and
/// "I don't know" open no flow, so they are reached when the engine acted on that pattern, and out_of_scope when the
/// engine answered that it does not do that.
/// </summary>
internal sealed class GoalTargets
{
    private readonly Dictionary<string, List<(FlowDefinition Flow, TriggerDefinition Trigger)>> _targets = new(StringComparer.Ordinal);

    public GoalTargets(FlowCatalog flows)
    {
        foreach (var flow in flows.Flows)
        {
            foreach (var trigger in flow.Triggers)
            {
                if (IntentEvaluation.Label(trigger.Intent) is not { } label) continue;
                if (!_targets.TryGetValue(label, out var list)) _targets[label] = list = [];
                list.Add((flow, trigger));
            }
        }
    }

    /// <summary>
    /// True when this turn entered a target of the label (or, for a pattern label, acted on that pattern), or answered
    /// a question about services shown for the label's need: "is it free?" after counselling services is still about
    /// counselling, and the answer (cost of each service shown) is what that person needs next.
    /// </summary>
    public bool Reached(string label, TurnResult turn) => Reach(label, turn) is not null || AnsweredAboutServicesFor(label, turn);

    private bool AnsweredAboutServicesFor(string label, TurnResult turn)
    {
        var needs = turn.Events.Where(e => e.Name == AnalyticsEventNames.ServiceDetailsShown)
            .Select(e => e.Properties.GetValueOrDefault("need")).OfType<string>().ToList();
        if (needs.Count == 0 || !_targets.TryGetValue(label, out var targets)) return false;
        return targets.Any(t => t.Trigger.Values.TryGetValue(NeedValue, out var need)
            ? needs.Contains(need) // need_shelter opens find_help with need = shelter
            : t.Trigger.Step is null && LooksUpByNeed(t.Flow)); // find_help itself: any need
    }

    private static bool LooksUpByNeed(FlowDefinition flow) => flow.Steps.Any(s => s.Kind == StepKind.Services && s.NeedFrom is not null);

    private const string NeedValue = "need";

    /// <summary>
    /// Null when the label was not reached this turn; else whether the target reached gives a region's services:
    /// from it, the steps that run without a question (branches both ways, the region question itself) reach a
    /// services step that looks services up by region ("boyfriend" as the online-safety lesson does not, as the
    /// youth_exploitation flow does).
    /// </summary>
    public bool? Reach(string label, TurnResult turn)
    {
        if (turn.Understood is { } understood && ConversationPatterns.IsStepPattern(understood)
            && IntentEvaluation.Label(understood) == label)
            return false;
        // A request the bot does not do opens no flow of its own: reached when the engine said so (system_out_of_scope),
        // never by a re-prompt.
        if (label == Understanding.IntentCatalog.OutOfScope)
            return turn.Understood is { } said && (said == label || IntentEvaluation.Label(said) == label) ? false : null;
        if (!_targets.TryGetValue(label, out var targets)) return null;
        bool? reached = null;
        foreach (var (flow, trigger) in targets)
        {
            if (!turn.Visited.Any(visit => Matches(visit, flow, trigger))) continue;
            reached = reached == true || LeadsToRegionalServices(flow, trigger.Step ?? flow.FirstStep.Id);
        }
        return reached;
    }

    private static bool Matches(StepVisit visit, FlowDefinition flow, TriggerDefinition trigger)
    {
        if (!string.Equals(visit.Flow, flow.Id, StringComparison.Ordinal)) return false;
        // A trigger without a step opens the flow: any of its steps shows it.
        if (trigger.Step is { } step && !string.Equals(visit.Step, step, StringComparison.Ordinal)) return false;
        return trigger.Values.All(v => visit.Values is { } values && values.TryGetValue(v.Key, out var got) && got == v.Value);
    }

    private static bool LeadsToRegionalServices(FlowDefinition flow, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id) || flow.FindStep(id) is not { } step) continue;
            if (step.Kind == StepKind.Services && step.ServiceIds.Count == 0) return true;
            if (step.Waits && step.Kind != StepKind.AskRegion) continue;
            foreach (var next in Successors(step)) queue.Enqueue(next);
        }
        return false;
    }

    private static IEnumerable<string> Successors(StepDefinition step)
    {
        if (step.Next is { } next) foreach (var t in next.Targets()) yield return t;
        foreach (var c in step.Cases) yield return c.Next;
        if (step.Else is { } otherwise) yield return otherwise;
        foreach (var choice in step.Choices)
        {
            if (choice.Next is { } n) foreach (var t in n.Targets()) yield return t;
        }
    }
}
