using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Runtime;

/// <summary>Validated flows indexed for the turn loop: by id, by trigger intent, and each step's prepared buttons.</summary>
internal sealed class FlowCatalog
{
    public const string MainMenu = "main_menu";
    public const string Welcome = "welcome";
    /// <summary>What a class sees before the module a lesson link opens (who the bot is, quick exit, 911).</summary>
    public const string LessonWelcome = "lesson_welcome";
    public const string CrisisPrefix = "crisis_";
    public const string CheckIn = "crisis_check_in";

    /// <summary>A category's own check-in flow (crisis_check_in_&lt;category&gt;), which the engine starts by this name.</summary>
    public static string CheckInFor(string category) => CheckIn + "_" + category;

    /// <summary>
    /// The check-in for a message about someone else, when the category has no check-in of its own: it asks whether it
    /// is about someone else or about the person instead of "are you safe?" (optional; the general check-in otherwise).
    /// </summary>
    public const string CheckInSomeoneElse = CheckIn + "_someone_else";

    public static bool IsCategoryCheckIn(string flowId) => flowId.StartsWith(CheckIn + "_", StringComparison.Ordinal);

    /// <summary>The value a crisis flow opened over a topic (over_topic) carries: the topic's flow id.</summary>
    public const string TopicValue = "topic";

    /// <summary>
    /// The value every crisis flow carries for the rest of its run: the rule that raised it (value.rule), so a follow-up
    /// ("what do i do") is answered for that situation (a controller's debt is not sextortion).
    /// </summary>
    public const string RuleValue = "rule";

    /// <summary>
    /// The value every crisis flow carries for the rest of its run: the category that raised it (value.category), so one
    /// flow can answer per category as data (the check-in for someone worried about a child names Cybertip.ca, not 988).
    /// </summary>
    public const string CategoryValue = "category";

    /// <summary>
    /// The values a topic opened over a crisis answer carries (with <see cref="RuleValue"/>): that crisis flow's id and
    /// the audience its run spoke to, so what the topic does not take is heard by the answer again (see
    /// <c>DialogEngine.AnswerBelow</c>).
    /// </summary>
    public const string CrisisValue = "crisis";
    public const string SpeaksToValue = "speaks_to";
    public const string UnsupportedLanguage = "system_unsupported_language";
    public const string Language = "system_language";
    public const string EmptyMessage = "system_empty";

    /// <summary>
    /// A request the bot does not do ("can you fill out the form for me"): what it can do, then the same question
    /// (opened by the engine, see <c>DialogEngine</c>; dialogs without it re-prompt as before).
    /// </summary>
    public const string OutOfScope = "system_out_of_scope";

    private readonly Dictionary<string, FlowDefinition> _flows;
    private readonly Dictionary<string, (FlowDefinition Flow, TriggerDefinition Trigger)> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<StepDefinition, ChoiceTable> _choiceTables = [];

    /// <param name="content">The labels' content items; null for a catalog that only routes (eval-intents): no button tables.</param>
    public FlowCatalog(IEnumerable<FlowDefinition> flows, IContentRepository? content, IntentCatalog words)
    {
        _flows = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var flow in _flows.Values)
        {
            foreach (var trigger in flow.Triggers) _triggers[trigger.Intent] = (flow, trigger);
            foreach (var step in flow.Steps)
            {
                if (step.Choices.Count > 0 && content is not null) _choiceTables[step] = new ChoiceTable(step.Choices, content, words);
            }
        }
    }

    public IReadOnlyCollection<FlowDefinition> Flows => _flows.Values;

    /// <summary>
    /// Intents that repair or steer the conversation itself rather than ask about a topic: the triggers of the flows
    /// marked <c>repair: true</c> (help, stop, "are you a person"...) and the step patterns (skip, back, I don't know).
    /// </summary>
    public static IReadOnlySet<string> RepairIntents(IEnumerable<FlowDefinition> flows) =>
        flows.Where(f => f.Repair)
            .SelectMany(f => f.Triggers.Select(t => t.Intent))
            .Concat(ConversationPatterns.StepPatterns)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Intents whose flow ends the conversation without asking (an effect step straight from its trigger: stop). A
    /// word of theirs inside a longer message ("she cant leave without him") never acts (see <c>IntentMatcher</c>).
    /// </summary>
    public static IReadOnlySet<string> EndingIntents(IEnumerable<FlowDefinition> flows) =>
        flows.Where(f => f.Steps.Any(s => s.Kind == StepKind.Effect) && !f.Steps.Any(s => s.Waits))
            .SelectMany(f => f.Triggers.Select(t => t.Intent))
            .ToHashSet(StringComparer.Ordinal);

    public FlowDefinition? Find(string id) => _flows.GetValueOrDefault(id);

    public FlowDefinition Get(string id) =>
        _flows.GetValueOrDefault(id) ?? throw new InvalidOperationException($"Flow '{id}' is not loaded.");

    public (FlowDefinition Flow, TriggerDefinition Trigger)? TriggerFor(string intent) =>
        _triggers.TryGetValue(intent, out var t) ? t : null;

    public ChoiceTable? ChoicesOf(StepDefinition step) => _choiceTables.GetValueOrDefault(step);
}
