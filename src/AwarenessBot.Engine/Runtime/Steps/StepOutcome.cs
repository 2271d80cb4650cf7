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
internal sealed record UserText(string Normalized, string[] Words)
{
    /// <summary>False on the first pass: only values, numbers and whole labels count, so that an exact intent
    /// ("are you a person") is not taken for a button that shares one word with it ("I'm a young person").</summary>
    public bool Fuzzy { get; init; } = true;

    /// <summary>
    /// A choice by its number: "4", and "4 po", "the 4th one", "option 4", "el 4", "yung 4" (one number of at most two
    /// digits, an ordinal ending allowed, among only <see cref="ChoiceFillers"/>).
    /// </summary>
    public int? AsNumber
    {
        get
        {
            if (Number(Normalized) is { } whole) return whole;
            int? found = null;
            foreach (var word in Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Number(OrdinalStripped(word)) is { } n && found is null) found = n;
                else if (!ChoiceFillers.Contains(word)) return null;
            }
            return found;
        }
    }

    /// <summary>Words said around a choice's number in the four languages: politeness, "the ... one", "option".</summary>
    private static readonly HashSet<string> ChoiceFillers = new(StringComparer.Ordinal)
    {
        "po", "the", "one", "number", "option", "choice", "no", "num", "nr", "pls", "please", "el", "la", "le", "numero",
        "opcion", "yung", "ung", "ang", "ika", "un", "une", "uno", "una",
    };

    private static string OrdinalStripped(string word)
    {
        foreach (var ending in (string[])["st", "nd", "rd", "th", "er", "re", "e", "o", "to", "vo", "ro", "do"])
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal) && char.IsAsciiDigit(word[^(ending.Length + 1)]))
                return word[..^ending.Length];
        }
        return word;
    }

    private static int? Number(string text) =>
        text.Length is > 0 and <= 2 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
