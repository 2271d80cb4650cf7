namespace AwarenessBot.Testing.Transcripts;

/// <summary>A conversation test: turns in order. The file name (without .yaml) is the test name.</summary>
public sealed record TranscriptDefinition(string Name, string File, IReadOnlyList<TranscriptTurn> Turns)
{
    public override string ToString() => Name;
}

/// <summary>
/// One turn. Input: <c>start: true</c> (conversation start) or <c>user: "text"</c>, with optional <c>channel</c>
/// (default webchat), <c>locale</c> (the channel's, e.g. fr-CA), <c>detected</c> (a confident detected language) and
/// <c>crisis</c> (a crisis category raised by text analysis, at <c>severity</c> high unless it says check_in, by a
/// frame unless <c>rule: model</c>, about the person unless <c>third_person: true</c>, with <c>beside</c>: other categories
/// the same message raised, by frames at the check-in tier). Expectations: <c>bot</c> (response keys in order; a key
/// repeated for a multi-message item counts once; <c>prefix*</c> matches one or more keys), optional <c>choices</c>
/// (values of the last reply's buttons), <c>effects</c> (DeleteAllData, EndConversation; none when omitted),
/// <c>events</c> (event names that must appear, checked when the driver reports events) and <c>variants</c> (response
/// key → the audience of the content variant it was shown from, e.g. <c>{ system_crisis_self_harm: concerned }</c>;
/// checked when the driver reports variants) and <c>replies_in</c> (the language every reply is in, e.g. <c>fr</c>;
/// checked when the driver reports it).
/// </summary>
public sealed record TranscriptTurn(
    int Index,
    int Line,
    bool Start,
    string? User,
    string Channel,
    string? Locale,
    string? Detected,
    string? Crisis,
    IReadOnlyList<string> Bot,
    IReadOnlyList<string>? Choices,
    IReadOnlyList<string> Effects,
    IReadOnlyList<string>? Events)
{
    /// <summary>The crisis's severity: high (the crisis answer) or check_in.</summary>
    public string Severity { get; init; } = "high";

    /// <summary>Who raised the crisis: a frame unless <c>rule: model</c> (the trained model alone).</summary>
    public string? Rule { get; init; }

    /// <summary><c>third_person: true</c>: the analysis says the message is about someone else.</summary>
    public bool ThirdPerson { get; init; }

    /// <summary><c>beside: [category, ...]</c>: other categories the same message raised (frames, check-in tier).</summary>
    public IReadOnlyList<string> Beside { get; init; } = [];

    /// <summary>Response key → the audience of the content variant it must come from (who the text speaks to).</summary>
    public IReadOnlyDictionary<string, string>? Variants { get; init; }

    /// <summary><c>replies_in: fr</c>: the language every reply of the turn must be in.</summary>
    public string? RepliesIn { get; init; }
}

/// <summary>What the bot did in one turn, as a driver observed it.</summary>
/// <param name="ResponseKeys">The ResponseKey of every reply, in order.</param>
/// <param name="LastChoices">The values of the last reply's buttons (empty when it has none).</param>
/// <param name="Effects">Effect names (DeleteAllData, EndConversation).</param>
/// <param name="Events">Event names, or null when the driver cannot observe events.</param>
public sealed record TranscriptTurnResult(
    IReadOnlyList<string> ResponseKeys,
    IReadOnlyList<string> LastChoices,
    IReadOnlyList<string> Effects,
    IReadOnlyList<string>? Events)
{
    /// <summary>Response key → the audience of the content variant shown, or null when the driver cannot observe it.</summary>
    public IReadOnlyDictionary<string, string>? Variants { get; init; }

    /// <summary>The language of each reply, or null when the driver cannot observe it.</summary>
    public IReadOnlyList<string>? Locales { get; init; }
}

/// <summary>Sends one transcript turn to a bot and reports what came back. One driver instance per transcript.</summary>
public interface ITranscriptDriver
{
    Task<TranscriptTurnResult> SendAsync(TranscriptTurn turn, CancellationToken cancellationToken);
}

public sealed class TranscriptFailedException : Exception
{
    public TranscriptFailedException() { }

    public TranscriptFailedException(string message) : base(message) { }

    public TranscriptFailedException(string message, Exception inner) : base(message, inner) { }
}
