using AwarenessBot.Content.Abstractions;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Validation;

/// <summary>What the engine itself needs besides the flows: the flows it starts by name and the items it shows by key.</summary>
public static class EngineRequirements
{
    public static readonly IReadOnlyList<string> Flows =
    [
        "welcome", "main_menu", "crisis_immediate_danger", "crisis_self_harm", "crisis_child_sexual_exploitation",
        "crisis_labour_exploitation", Runtime.FlowCatalog.CheckIn, Runtime.FlowCatalog.UnsupportedLanguage, "system_empty",
    ];

    /// <summary>Intents the engine acts on itself (conversation patterns on the waiting step).</summary>
    public static readonly IReadOnlyList<string> Intents = ["skip", "back", "dont_know"];

    public static readonly IReadOnlyList<string> ContentKeys =
    [
        "system_reprompt", "system_reprompt_menu", "system_resume", "system_services_none", "system_button_call",
        "system_button_text", "system_button_chat", "system_button_website", "system_service_open_now",
        "system_service_closed_now", "system_dont_know", Runtime.ConversationPatterns.RegionNotKnownKey, Rendering.ContentRenderer.InEnglishKey, Runtime.Steps.ServicesHandler.RegionUsedKey, .. Abstractions.ChannelWording.Keys,
        .. Runtime.Steps.ServiceDetailsHandler.ContentKeys,
    ];
}

/// <summary>Stage two: what the flows mean. One method per rule; every issue names file, line, flow and step.</summary>
internal sealed partial class FlowMeaningStage(
    IReadOnlyList<FlowDefinition> flows,
    IContentRepository? content,
    IServiceDirectory? services,
    IReadOnlySet<string>? intents,
    List<ValidationIssue> issues)
{
    private static readonly DateTimeOffset ProbeTime = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, FlowDefinition> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedContent = new(StringComparer.Ordinal);

    public void Run()
    {
        DuplicateFlows();
        foreach (var flow in flows)
        {
            DuplicateSteps(flow);
            UnknownTargets(flow);
            Unreachable(flow);
            Triggers(flow);
            Labels(flow);
            BesideOf(flow);
            OverTopicOf(flow);
            foreach (var step in flow.Steps)
            {
                StepFields(flow, step);
                ContentOf(flow, step);
                ServicesOf(flow, step);
            }
        }
        RequiredFlows();
        BesideForEveryCategory();
        UnusedFlows();
        if (content is not null) EngineContent();
        if (content is not null) UnusedSystemContent();
        if (intents is not null) UnusedIntents();
    }

    private void Error(string rule, FlowDefinition flow, StepDefinition? step, int line, string message) =>
        issues.Add(ValidationIssue.Error(rule, flow.File, line, FlowSchemaStage.Subject(flow.Id, step?.Id), message));

    private void Warn(string rule, FlowDefinition flow, StepDefinition? step, int line, string message) =>
        issues.Add(ValidationIssue.Warning(rule, flow.File, line, FlowSchemaStage.Subject(flow.Id, step?.Id), message));

    private void DuplicateFlows()
    {
        foreach (var flow in flows)
        {
            var expected = Path.GetFileNameWithoutExtension(flow.File);
            if (!string.Equals(expected, flow.Id, StringComparison.Ordinal))
                Error("file-name", flow, null, flow.Line, $"The file must be named after the flow id ('{flow.Id}.yaml').");
            if (_byId.TryGetValue(flow.Id, out var first))
                Error("duplicate-flow", flow, null, flow.Line, $"Flow id '{flow.Id}' is also defined in {first.File}:{first.Line}.");
            else _byId[flow.Id] = flow;
        }
    }

    private void DuplicateSteps(FlowDefinition flow)
    {
        var seen = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var step in flow.Steps)
        {
            if (seen.TryGetValue(step.Id, out var first))
                Error("duplicate-step", flow, step, step.Line, $"Step id '{step.Id}' is already used at line {first.Line}.");
            else seen[step.Id] = step;
            var values = new HashSet<string>(StringComparer.Ordinal);
            foreach (var choice in step.Choices)
            {
                if (!values.Add(choice.Value))
                    Error("duplicate-choice", flow, step, choice.Line, $"Choice value '{choice.Value}' appears twice.");
            }
        }
    }

    private void RequiredFlows()
    {
        foreach (var id in EngineRequirements.Flows)
        {
            if (!_byId.ContainsKey(id) && flows.Count > 0)
                issues.Add(new ValidationIssue(IssueSeverity.Error, "missing-flow", flows[0].File, 1, id, null,
                    $"The engine needs a flow '{id}' (dialogs/{id}.yaml)."));
        }
    }
}
