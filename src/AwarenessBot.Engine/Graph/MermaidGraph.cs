using System.Text;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Engine.Graph;

/// <summary>A flow as a Mermaid flowchart (for reviews and the docs): one node per step, one edge per way out.</summary>
public static class MermaidGraph
{
    /// <summary>Loads the flows of <paramref name="dialogsDirectory"/> and renders <paramref name="flowId"/>.</summary>
    public static string Render(string dialogsDirectory, string flowId)
    {
        var (report, flows) = FlowValidator.Run(dialogsDirectory, null, null, null);
        var flow = flows.FirstOrDefault(f => f.Id == flowId)
            ?? throw new ArgumentException($"Flow '{flowId}' was not found or is not valid: {report}", nameof(flowId));
        return Render(flow);
    }

    public static string Render(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var sb = new StringBuilder();
        sb.Append("flowchart TD\n");
        sb.Append("  %% ").Append(flow.Id).Append(" (").Append(flow.Type.ToString().ToLowerInvariant()).Append(")\n");
        foreach (var step in flow.Steps)
            sb.Append("  ").Append(step.Id).Append(Shape(step)).Append('\n');
        sb.Append("  end_([end])\n");
        foreach (var step in flow.Steps)
        {
            foreach (var choice in step.Choices.Where(c => c.Next is not null))
                Edges(sb, step.Id, choice.Next!, choice.Value);
            foreach (var route in step.Routes.Where(r => r.Next is not null))
                Edges(sb, step.Id, route.Next!, "intent " + route.Intent);
            foreach (var c in step.Cases) Edge(sb, step.Id, c.Next, Describe(c.If));
            if (step.Else is { } e) Edge(sb, step.Id, e, "else");
            if (step.Otherwise is { } o) Edge(sb, step.Id, o, "otherwise");
            if (step.Next is { } next) Edges(sb, step.Id, next, null);
            else if (step.Kind is not (StepKind.Branch or StepKind.Link or StepKind.Effect)
                && !(step.Choices.Count > 0 && step.Choices.All(c => c.Next is not null)))
                Edge(sb, step.Id, NextDefinition.EndSentinel, null);
        }
        return sb.ToString();
    }

    private static string Shape(StepDefinition step)
    {
        var kind = step.Kind switch
        {
            StepKind.AskChoice => "ask_choice",
            StepKind.AskText => "ask_text",
            StepKind.AskRegion => "ask_region",
            _ => step.Kind.ToString().ToLowerInvariant(),
        };
        var detail = step.Content ?? step.Flow ?? step.Need ?? step.NeedFrom ?? step.Target ?? step.Effect ?? string.Join(",", step.ServiceIds);
        var label = $"\"{step.Id}<br/><small>{kind}: {detail}</small>\"";
        return step.Kind switch
        {
            StepKind.Branch => "{" + label + "}",
            StepKind.AskChoice or StepKind.AskText or StepKind.AskRegion or StepKind.Quiz => "[/" + label + "/]",
            StepKind.Call or StepKind.Link => "[[" + label + "]]",
            _ => "[" + label + "]",
        };
    }

    private static void Edges(StringBuilder sb, string from, NextDefinition next, string? label)
    {
        if (next.Step is { } s) { Edge(sb, from, s, label); return; }
        var condition = next.If is null ? "if" : Describe(next.If);
        if (next.Then is { } then) Edge(sb, from, then, (label is null ? "" : label + ": ") + condition);
        if (next.Else is { } otherwise) Edge(sb, from, otherwise, (label is null ? "" : label + ": ") + "else");
    }

    private static void Edge(StringBuilder sb, string from, string to, string? label)
    {
        var target = to == NextDefinition.EndSentinel ? "end_" : to;
        sb.Append("  ").Append(from).Append(label is null ? " --> " : $" -->|\"{label.Replace("\"", "'", StringComparison.Ordinal)}\"| ").Append(target).Append('\n');
    }

    private static string Describe(ConditionDefinition c) =>
        c.Any is { } any ? string.Join(" or ", any.Select(Describe))
        : c.All is { } all ? string.Join(" and ", all.Select(Describe))
        : c.Exists is { } exists ? $"{c.Field} {(exists ? "set" : "not set")}"
        : c.In is { } set ? $"{c.Field} in {string.Join("/", set)}"
        : $"{c.Field} = {c.EqualsValue}";
}
