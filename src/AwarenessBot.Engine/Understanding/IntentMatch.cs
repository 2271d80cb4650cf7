namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// An explainable match: the intent, its score, and the phrase that earned it. Score: whole-message words score 100;
/// a phrase found whole scores its number of words +0.5; one found in part, its words found weighed by how rare they are
/// among the phrases (at most their number); -0.1 for each word found only as a stem, prefix or typo.
/// </summary>
public sealed record IntentMatch(string Intent, double Score, string Phrase, string Locale)
{
    /// <summary>Every word of the phrase was found (or the whole message is the intent's word): it explains itself.</summary>
    public bool Complete { get; init; }

    /// <summary>How many content words the phrase has (1 for a whole-message word or the model's opinion).</summary>
    public int PhraseWords { get; init; } = 1;

    /// <summary>How many of the phrase's words were found in the message (all of them for a complete match).</summary>
    public int WordsFound { get; init; } = 1;
}
