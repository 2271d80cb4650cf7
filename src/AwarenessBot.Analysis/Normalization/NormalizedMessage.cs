namespace AwarenessBot.Analysis.Normalization;

/// <summary>One word of a normalised message: its matching form and where it came from in the original text.</summary>
/// <param name="Text">Folded, de-elongated, de-leeted, slang-expanded and spell-corrected form.</param>
/// <param name="Clause">Index of the clause (split at . , ; : ! ? and line breaks): gates and negation stay inside one.</param>
/// <param name="FromEmoji">The word stands for an emoji (💊 → pills).</param>
public readonly record struct MessageToken(string Text, int Start, int Length, int Clause, bool FromEmoji = false);

/// <summary>The output of <see cref="MessageNormalizer"/>: the same form for rules, the model and intents.</summary>
public sealed class NormalizedMessage
{
    internal NormalizedMessage(MessageToken[] tokens, int questionClauses, string? modelInput = null)
    {
        Tokens = tokens;
        Joined = string.Join(' ', tokens.Select(t => t.Text));
        ModelInput = modelInput ?? Joined;
        QuestionClauseMask = questionClauses;
    }

    public IReadOnlyList<MessageToken> Tokens { get; }

    /// <summary>The tokens joined by single spaces, spelling corrected towards the rules' vocabulary (what concepts match).</summary>
    public string Joined { get; }

    /// <summary>
    /// The same before spelling correction: what the triage model reads, in training and in the product alike. The
    /// corrector only knows the rules' vocabulary and turns real words it does not know into rule words ("writing" →
    /// "waiting"); the model's character n-grams already absorb typos, and it must see the text it was trained on.
    /// </summary>
    public string ModelInput { get; }

    /// <summary>Bit i set when clause i ended with a question mark (first 31 clauses).</summary>
    public int QuestionClauseMask { get; }

    public bool IsQuestionClause(int clause) => clause < 31 && (QuestionClauseMask & (1 << clause)) != 0;
}
