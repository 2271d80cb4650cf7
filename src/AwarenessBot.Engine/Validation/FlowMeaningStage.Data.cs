using AwarenessBot.Catalog;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Validation;

/// <summary>Rules about what steps refer to: content items and their locales, labels, services, intents, fields.</summary>
internal sealed partial class FlowMeaningStage
{
    private readonly HashSet<string> _usedIntents = new(StringComparer.Ordinal);

    private void Triggers(FlowDefinition flow)
    {
        foreach (var trigger in flow.Triggers)
        {
            _usedIntents.Add(trigger.Intent);
            if (trigger.Step is { } s && flow.FindStep(s) is null)
                Error("unknown-target", flow, null, trigger.Line, $"Trigger '{trigger.Intent}' starts at '{s}', which is not a step of this flow.");
            if (intents is not null && !intents.Contains(trigger.Intent))
                Error("unknown-intent", flow, null, trigger.Line, $"Intent '{trigger.Intent}' is not defined in seeds/intents.");
        }
        foreach (var step in flow.Steps)
        {
            foreach (var route in step.Routes)
            {
                _usedIntents.Add(route.Intent);
                if (intents is not null && !intents.Contains(route.Intent))
                    Error("unknown-intent", flow, step, route.Line, $"Intent '{route.Intent}' is not defined in seeds/intents.");
            }
        }
    }

    /// <summary>WhatsApp's reply-button title limit, the tightest of the channels (PROTOCOLS.md §9).</summary>
    private const int MaxShortLabelLength = 20;

    private void Labels(FlowDefinition flow)
    {
        foreach (var step in flow.Steps)
        {
            foreach (var choice in step.Choices)
            {
                foreach (var (locale, label) in choice.ShortLabel.Where(s => s.Value.Length > MaxShortLabelLength))
                    Error("short-label-too-long", flow, step, choice.Line, $"Short label of choice '{choice.Value}' ({locale}) has {label.Length} characters; at most {MaxShortLabelLength}.");
                // WhatsApp shows a reply button's first 20 characters: a longer label needs its own short form.
                foreach (var (locale, label) in choice.Label.Where(l => l.Value.Length > MaxShortLabelLength && !choice.ShortLabel.ContainsKey(l.Key)))
                    Warn("long-label-without-short", flow, step, choice.Line, $"Label of choice '{choice.Value}' ({locale}) has {label.Length} characters and no short label (WhatsApp buttons show {MaxShortLabelLength}).");
                if (choice.LabelContent is not null) continue;
                var missing = flow.Locales.Where(l => !choice.Label.ContainsKey(l)).ToList();
                if (missing.Count > 0)
                    Error("missing-locale", flow, step, choice.Line, $"Label of choice '{choice.Value}' has no {string.Join(", ", missing)}.");
            }
        }
    }

    private void StepFields(FlowDefinition flow, StepDefinition step)
    {
        if (step.Kind is StepKind.AskChoice && step.Choices.Count == 0)
            Error("missing-choices", flow, step, step.Line, "ask_choice needs choices.");
        if (step.Kind == StepKind.Set && step.Target == "profile.locale_chosen")
            Error("read-only-field", flow, step, step.Line, "profile.locale_chosen is set by setting profile.locale.");
        if (step.Target == FieldAccess.ProfileAdult || step.Store == FieldAccess.ProfileAdult)
            Error("read-only-field", flow, step, step.Line, "profile.adult follows from profile.age_band and profile.audience (seeds/catalog.yaml adult).");
        if (step.Kind == StepKind.Services && step.NeedFrom is null && step.Need is null && step.ServiceIds.Count == 0)
            Error("missing-need", flow, step, step.Line, "services needs need, need_from or services.");
        // The model's topic replaces otherwise; without one a step already opens every topic it understands.
        if (step.OtherwiseAgain is not null && step.Otherwise is null)
            Error("otherwise-again-without-otherwise", flow, step, step.Line, "otherwise_again needs otherwise (the first time).");
        if (step.OpenTopics && step.Otherwise is null)
            Error("open-topics-without-otherwise", flow, step, step.Line, "open_topics needs otherwise (the step that hears everything else).");
        foreach (var path in new[] { step.Store, step.Target, step.From, step.NeedFrom, step.RegionFrom })
        {
            if (path is not null && !FieldAccess.IsKnown(path))
                Error("unknown-field", flow, step, step.Line, $"'{path}' is not a field a flow may use.");
        }
    }

    private void ContentOf(FlowDefinition flow, StepDefinition step)
    {
        var ids = new List<(string Id, int Line)>();
        if (step.Content is { } c) ids.Add((c, step.Line));
        if (step.Reprompt is { } r) ids.Add((r, step.Line));
        foreach (var choice in step.Choices)
        {
            if (choice.LabelContent is { } l) ids.Add((l, choice.Line));
        }
        foreach (var (id, line) in ids) ContentItem(flow, step, id, line);
        if (content is not null && step.Kind == StepKind.Quiz && step.Content is { } quiz && content.Exists(quiz)
            && content.Find(quiz, BotCatalog.Default.FallbackLocale, null)?.Quiz is null)
            Warn("no-quiz", flow, step, step.Line, $"Content item '{quiz}' has no quiz: the step will be skipped.");
    }

    private void ContentItem(FlowDefinition flow, StepDefinition? step, string id, int line)
    {
        _usedContent.Add(id);
        if (content is null) return;
        if (!content.Exists(id))
        {
            Error("unknown-content", flow, step, line, $"Content item '{id}' does not exist in seeds/content.");
            return;
        }
        var locales = content.LocalesOf(id);
        var missing = flow.Locales.Where(l => !locales.Contains(l)).ToList();
        if (missing.Count > 0)
            Error("missing-locale", flow, step, line, $"Content item '{id}' has no {string.Join(", ", missing)}.");
    }

    /// <summary>A crisis flow's beside block: its note and lines exist; a services step that adds them sits in a crisis flow.</summary>
    private void BesideOf(FlowDefinition flow)
    {
        foreach (var step in flow.Steps.Where(s => s.AddBeside && flow.Type != FlowType.Crisis))
            Error("beside-outside-crisis", flow, step, step.Line, "add_beside lists what a message raised beside a crisis: only crisis flows may use it.");
        foreach (var step in flow.Steps.Where(s => s.BesideExcept.Count > 0))
        {
            if (!step.AddBeside)
                Error("beside-except-without-beside", flow, step, step.Line, "beside_except leaves categories out of add_beside: this step adds nothing beside.");
            foreach (var category in step.BesideExcept.Where(c => !BotCatalog.Default.CrisisCategories.Contains(c)))
                Error("unknown-category", flow, step, step.Line, $"beside_except names '{category}', which is not a crisis category in seeds/catalog.yaml.");
        }
        if (flow.Beside is not { } beside) return;
        if (flow.Type != FlowType.Crisis || !flow.Id.StartsWith(FlowCatalog.CrisisPrefix, StringComparison.Ordinal))
            Error("beside-outside-crisis", flow, null, beside.Line, "Only a crisis_<category> flow has a beside block.");
        ContentItem(flow, null, beside.Content, beside.Line);
        foreach (var id in beside.Services) ServiceExists(flow, null, id, beside.Line);
    }

    /// <summary>The modules a crisis may open a topic of are module flows; the need a crisis or module carries is a need the directory knows.</summary>
    private void OverTopicOf(FlowDefinition flow)
    {
        if (flow.Need is { } need)
        {
            if (flow.Type is not (FlowType.Crisis or FlowType.Module))
                Error("need-outside-crisis", flow, null, flow.Line, "Only a crisis or module flow carries a need into the flows opened from it.");
            else if (services is not null && !services.Needs.Contains(need))
                Error("unknown-need", flow, null, flow.Line, $"Need '{need}' is not known to the service directory.");
        }
        foreach (var id in flow.OverTopic)
        {
            if (_byId.GetValueOrDefault(id) is not { Type: FlowType.Module })
                Error("unknown-flow", flow, null, flow.Line, $"over_topic names '{id}', which is not a module flow.");
        }
        foreach (var intent in flow.OverTopicIntents)
        {
            if (flow.Type != FlowType.Crisis)
                Error("over-topic-outside-crisis", flow, null, flow.Line, "Only a crisis flow opens over the topic a message asked for.");
            else if (!flows.Any(f => f.Type == FlowType.Module && f.Triggers.Any(t => string.Equals(t.Intent, intent, StringComparison.Ordinal))))
                Error("unknown-intent", flow, null, flow.Line, $"over_topic_intents names '{intent}', which starts no module topic.");
        }
    }

    /// <summary>Where a crisis answer adds what was raised beside it, every category has something to add.</summary>
    private void BesideForEveryCategory()
    {
        if (!flows.Any(f => f.Steps.Any(s => s.AddBeside))) return;
        foreach (var category in BotCatalog.Default.CrisisCategories)
        {
            if (_byId.GetValueOrDefault(FlowCatalog.CrisisPrefix + category) is { Beside: null } flow)
                Warn("no-beside", flow, null, flow.Line, $"Crisis answers add the lines of categories raised beside them, but {flow.Id} has no beside block: {category} adds nothing.");
        }
    }

    private void ServiceExists(FlowDefinition flow, StepDefinition? step, string id, int line)
    {
        if (services is not null && services.FindById(id, BotCatalog.Default.FallbackLocale, ProbeTime) is null)
            Error("unknown-service", flow, step, line, $"Service '{id}' is not in the service directory.");
    }

    private void ServicesOf(FlowDefinition flow, StepDefinition step)
    {
        if (services is null || step.Kind != StepKind.Services) return;
        if (step.Need is { } need && !services.Needs.Contains(need))
            Error("unknown-need", flow, step, step.Line, $"Need '{need}' is not known to the service directory.");
        foreach (var id in step.ServiceIds) ServiceExists(flow, step, id, step.Line);
        if (step.NeedFrom is not { } field) return;
        // Answers stored into the need field (choices without their own next, and routes) must be needs the directory knows.
        foreach (var ask in flow.Steps.Where(s => s.Store == field))
        {
            var values = ask.Choices.Where(c => c.Next is null).Select(c => (c.Value, c.Line))
                .Concat(ask.Routes.Select(r => (Value: r.Value ?? r.Intent, r.Line)));
            foreach (var (value, line) in values)
            {
                if (!services.Needs.Contains(value))
                    Error("unknown-need", flow, ask, line, $"'{value}' is stored as a need the service directory does not know.");
            }
        }
    }

    private void EngineContent()
    {
        foreach (var key in EngineRequirements.ContentKeys)
        {
            _usedContent.Add(key);
            if (!content!.Exists(key) && flows.Count > 0)
                issues.Add(new ValidationIssue(IssueSeverity.Error, "unknown-content", flows[0].File, 1, null, null,
                    $"The engine shows content item '{key}', which does not exist in seeds/content."));
        }
    }

    private void UnusedSystemContent()
    {
        foreach (var item in content!.List())
        {
            if (item.Topic == "system" && !_usedContent.Contains(item.Id))
                issues.Add(new ValidationIssue(IssueSeverity.Warning, "unused-content", $"content/system/{item.Id}.yaml", 1, null, null,
                    $"System content item '{item.Id}' is not used by any flow."));
        }
    }

    private void UnusedIntents()
    {
        _usedIntents.UnionWith(EngineRequirements.Intents);
        foreach (var intent in intents!)
        {
            if (!_usedIntents.Contains(intent))
                issues.Add(new ValidationIssue(IssueSeverity.Warning, "unused-intent", "seeds/intents", 1, null, null,
                    $"Intent '{intent}' is not used by any trigger or route."));
        }
    }
}
