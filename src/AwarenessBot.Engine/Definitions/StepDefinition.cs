namespace AwarenessBot.Engine.Definitions;

public enum StepKind
{
    Show,
    AskChoice,
    AskText,
    AskRegion,
    Branch,
    Set,
    Call,
    Link,
    Services,
    ServiceDetails,
    Quiz,
    Effect,
    End,
}

/// <summary>
/// One step of a flow. A flat record of optional fields (as in Rasa's flow steps): the schema says which fields each
/// kind uses, the validator checks them, and each handler reads only its own.
/// </summary>
public sealed class StepDefinition
{
    public required string Id { get; init; }
    public required StepKind Kind { get; init; }
    public int Line { get; init; }
    public NextDefinition? Next { get; init; }

    /// <summary>show, quiz: the content item. ask_*: the prompt content item.</summary>
    public string? Content { get; init; }
    public string? Reprompt { get; init; }
    public int? MaxRetries { get; init; }
    public IReadOnlyList<ChoiceDefinition> Choices { get; init; } = [];
    public IReadOnlyList<RouteDefinition> Routes { get; init; } = [];

    /// <summary>ask_*: where the recognised answer goes (profile.x, session.x or value.x).</summary>
    public string? Store { get; init; }

    /// <summary>set: the target field, and either a literal value or a field to copy from.</summary>
    public string? Target { get; init; }
    public string? Value { get; init; }
    public string? From { get; init; }

    /// <summary>call, link: the flow.</summary>
    public string? Flow { get; init; }

    /// <summary>branch: cases in order, then else.</summary>
    public IReadOnlyList<CaseDefinition> Cases { get; init; } = [];
    public string? Else { get; init; }

    /// <summary>ask_*: where a message that answers nothing goes instead of a re-prompt (the text is not kept).</summary>
    public string? Otherwise { get; init; }

    /// <summary>
    /// ask_* with otherwise: where the second message in a row that answers nothing goes, so that a person who keeps
    /// typing after a crisis answer does not get the same "thank you for telling me" every time.
    /// </summary>
    public string? OtherwiseAgain { get; init; }

    /// <summary>
    /// ask_* with otherwise: a message the intent model clearly reads as one of the bot's topics ("pasaporte" after the
    /// labour answer) opens that topic instead of otherwise; anything else is still heard there.
    /// </summary>
    public bool OpenTopics { get; init; }

    /// <summary>services: a fixed need, or a field holding the need; region field; audience; or fixed service ids.</summary>
    public string? Need { get; init; }
    public string? NeedFrom { get; init; }
    public string? RegionFrom { get; init; }
    public string? Audience { get; init; }
    public IReadOnlyList<string> ServiceIds { get; init; } = [];
    public int Limit { get; init; } = 3;

    /// <summary>services: then the lines of every other risk category the message raised (their flows' <see cref="FlowDefinition.Beside"/>).</summary>
    public bool AddBeside { get; init; }

    /// <summary>services with <see cref="AddBeside"/>: risk categories this answer already covers, whose lines it leaves
    /// out ("work for him to pay him back" raises labour beside a youth's sexual exploitation: the work is for the
    /// controller, and the temporary-foreign-worker tip line is no help to a 15-year-old).</summary>
    public IReadOnlyList<string> BesideExcept { get; init; } = [];

    /// <summary>service_details: cost | language | hours | contact | privacy | eligibility (else: no services shown yet).</summary>
    public string? Facet { get; init; }

    /// <summary>effect: delete_all_data | end_conversation.</summary>
    public string? Effect { get; init; }

    public bool Waits => Kind is StepKind.AskChoice or StepKind.AskText or StepKind.AskRegion or StepKind.Quiz;
}

/// <summary>A button. Label inline per locale or from a content item's first message.</summary>
public sealed class ChoiceDefinition
{
    public required string Value { get; init; }
    public IReadOnlyDictionary<string, string> Label { get; init; } = new Dictionary<string, string>();
    public string? LabelContent { get; init; }

    /// <summary>A short label per locale where the full label is longer than a channel allows (WhatsApp: 20).</summary>
    public IReadOnlyDictionary<string, string> ShortLabel { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public NextDefinition? Next { get; init; }
    public int Line { get; init; }
}

/// <summary>ask_*: a recognised intent (free text) that answers the step, with the value it stands for.</summary>
public sealed record RouteDefinition(string Intent, string? Value, NextDefinition? Next, int Line);

public sealed record CaseDefinition(ConditionDefinition If, string Next, int Line);

/// <summary>A step id, or if/then/else.</summary>
public sealed record NextDefinition(string? Step, ConditionDefinition? If, string? Then, string? Else, int Line)
{
    public const string EndSentinel = "end";

    public static NextDefinition To(string step, int line) => new(step, null, null, null, line);

    public IEnumerable<string> Targets()
    {
        if (Step is not null) yield return Step;
        if (Then is not null) yield return Then;
        if (Else is not null) yield return Else;
    }
}

/// <summary>field equals / in / exists, or any/all of nested conditions.</summary>
public sealed record ConditionDefinition(
    string? Field,
    string? EqualsValue,
    IReadOnlyList<string>? In,
    bool? Exists,
    IReadOnlyList<ConditionDefinition>? Any,
    IReadOnlyList<ConditionDefinition>? All);
