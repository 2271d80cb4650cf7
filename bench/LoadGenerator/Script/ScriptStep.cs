namespace LoadGenerator.Script;

internal enum StepKind
{
    /// <summary>conversationUpdate with the user added: the greeting.</summary>
    Join,
    /// <summary>Tap a suggested action: the preferred one when offered, else the first offered, else type the text.</summary>
    Choose,
    /// <summary>Type the text whatever is offered.</summary>
    Type,
}

/// <param name="Name">Short name for per-step reports.</param>
/// <param name="Prefer">Values or titles to look for among the suggested actions (exact, or contained in the title when longer than 2 characters).</param>
/// <param name="English">What an English speaker types.</param>
/// <param name="French">What a French speaker types.</param>
internal sealed record ScriptStep(string Name, StepKind Kind, IReadOnlyList<string> Prefer, string English, string French)
{
    public string TextFor(string locale) => locale == "fr" ? French : English;
}
