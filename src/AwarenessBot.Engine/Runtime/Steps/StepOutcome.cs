using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Runtime.Steps;

internal enum StepOutcomeKind
{
    /// <summary>The step asked something: the turn ends and the next message answers it.</summary>
    Wait,
    /// <summary>Move the current frame to Target (a step id or "end").</summary>
    Goto,
    /// <summary>The stack changed (call, link): carry on with whatever frame is on top.</summary>
    Continue,
    /// <summary>The turn is over (stop, delete): nothing more runs.</summary>
    Halt,
}

internal readonly record struct StepOutcome(StepOutcomeKind Kind, string? Target = null)
{
    public static readonly StepOutcome Wait = new(StepOutcomeKind.Wait);
    public static readonly StepOutcome Continue = new(StepOutcomeKind.Continue);
    public static readonly StepOutcome Halt = new(StepOutcomeKind.Halt);

    public static StepOutcome Goto(string target) => new(StepOutcomeKind.Goto, target);
}

/// <summary>The message once normalised, and its content words (stop words removed), computed once per turn.</summary>
/// <param name="Choices">The words allowed around a choice's number (seeds/intents/slots.yaml, choice_numbers).</param>
internal sealed record UserText(string Normalized, string[] Words, ChoiceNumberWords Choices)
{
    /// <summary>False on the first pass: only values, numbers and whole labels count, so that an exact intent
    /// ("are you a person") is not taken for a button that shares one word with it ("I'm a young person").</summary>
    public bool Fuzzy { get; init; } = true;

    /// <summary>The locales (bits) whose labels a loose match may read: the message's language and those it mixes in;
    /// 0 for every locale (see <c>ChoiceTable.Recognize</c>).</summary>
    public int Locales { get; init; }

    /// <summary>The message's words an intent's phrase found whole explains: a loose label match that explains fewer
    /// yields to it ("he's back, got to go" is the goodbye, not the Continue button's "go on"); 0 when none.</summary>
    public int IntentWords { get; init; }

    /// <summary>A choice by its number: "4", and "4 po", "the 4th one", "option 4", "el 4", "yung 4" (see
    /// <see cref="ChoiceNumberWords"/>).</summary>
    public int? AsNumber => Choices.NumberIn(Normalized);
}
