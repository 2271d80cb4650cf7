using AwarenessBot.Catalog;

namespace AwarenessBot.Engine.Definitions;

/// <summary>What a flow is for: decides how it starts, ends and is reported.</summary>
public enum FlowType
{
    /// <summary>A topic the person chose (module_started / module_completed events).</summary>
    Module,
    /// <summary>The main menu or the welcome: the base of the stack.</summary>
    Menu,
    /// <summary>Help, language, stop...: pushed on top of the current step, which is re-prompted when it ends.</summary>
    Interruption,
    /// <summary>Crisis answers: pushed ahead of everything when the analyser raises a crisis signal.</summary>
    Crisis,
    /// <summary>Shared sub-flows called by others.</summary>
    System,
}

/// <summary>One flow loaded from <c>dialogs/&lt;id&gt;.yaml</c>.</summary>
public sealed class FlowDefinition
{
    public required string Id { get; init; }
    public required FlowType Type { get; init; }
    public required string File { get; init; }
    public int Line { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Locales every inline label and referenced content item must have (by default the catalog's required locales, en and fr).</summary>
    public IReadOnlyList<string> Locales { get; init; } = BotCatalog.Default.RequiredLocales;

    /// <summary>A side note (identity): it runs, then the same message is still understood as usual.</summary>
    public bool Passive { get; init; }

    /// <summary>
    /// Conversation repair (help, stop, "are you a person", start again): its triggers talk about the conversation
    /// itself, so their phrases speak for a message only when they are most of it (see <c>IntentMatcher</c>).
    /// </summary>
    public bool Repair { get; init; }

    /// <summary>
    /// A request carried out before a signal the model alone raised, check-in or high (deleting what the person said):
    /// "est-ce que je peux effacer ce que j'ai écrit ici" read as self-harm to the model (0.77) and "please delete what
    /// I wrote" as high self-harm (0.99: the model ties "wrote" to goodbye notes), and the person got "are you safe?" or
    /// the crisis answer instead of having their data deleted. A frame still interrupts.
    /// </summary>
    public bool BeforeModelOnlySignal { get; init; }

    /// <summary>
    /// An interruption whose answer already invites the person back ("Hi! I'm here to help. Pick a button, or tell me
    /// in a few words."): the question they were on is asked again without "Let's go back to where we were", which
    /// after a greeting at the very first question read as if something had happened in between.
    /// </summary>
    public bool ResumeQuietly { get; init; }

    /// <summary>
    /// The intent model's guess alone opens this flow only for a message of at most this many words (null: any). Ending
    /// the conversation on a guess inside a question is a dead end ("what if I stop paying" was read as "stop" and the
    /// chat ended), while the model rightly reads short goodbyes no phrase has ("ok bye", "chao", "stop na po").
    /// </summary>
    public int? ModelGuessMaxWords { get; init; }

    /// <summary>A lesson link (<c>/embed?module=&lt;id&gt;</c>) may open this module directly for a class.</summary>
    public bool Lesson { get; init; }

    /// <summary>
    /// A crisis flow that opens over the topic the same message asked for, among the topics of these modules: a worker
    /// who writes "my boss won't pay me" gets the labour answer and then the pay topic, not a question about being
    /// safe; "my cousin says his boss threatens him" opens no sextortion topic after the labour answer.
    /// </summary>
    public IReadOnlyList<string> OverTopic { get; init; } = [];

    /// <summary>
    /// A crisis flow also opens over the topic of these intents, whatever module it is in: "they want 2000 to get me
    /// the job in canada" raises the labour answer and asks about a fake job offer (an online-safety topic), which
    /// opens after the answer instead of the worker-rights menu; no other topic of that module does.
    /// </summary>
    public IReadOnlyList<string> OverTopicIntents { get; init; } = [];

    /// <summary>
    /// Crisis and module flows: the need the crisis or topic is about (labour, worker rights: work_exploitation). A flow
    /// opened from it that looks services up by <c>value.need</c> starts with this need unless its trigger sets one: a
    /// region typed after the labour answer ("chu a montreal") or a worker topic ("en ontario") lists the worker and
    /// legal services there, not every service of the region.
    /// </summary>
    public string? Need { get; init; }

    /// <summary>Crisis flows: the note and lines this category adds beside another category's answer (<see cref="StepDefinition.AddBeside"/>).</summary>
    public BesideDefinition? Beside { get; init; }

    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];
    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    private Dictionary<string, StepDefinition>? _byId;

    public StepDefinition? FindStep(string id)
    {
        _byId ??= Steps.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _byId.GetValueOrDefault(id);
    }

    public StepDefinition FirstStep => Steps[0];
}

/// <summary>A crisis category's short note and lines, shown after another category's crisis lines when both were raised.</summary>
public sealed record BesideDefinition(string Content, IReadOnlyList<string> Services, int Line);

/// <summary>An intent (from seeds/intents) that starts this flow, optionally at a step and with initial values.</summary>
public sealed record TriggerDefinition(string Intent, string? Step, IReadOnlyDictionary<string, string> Values, int Line)
{
    /// <summary>The intent asks about teaching a topic ("a lesson on sextortion"): it wins over the topic the message names.</summary>
    public bool OverTopics { get; init; }
}
