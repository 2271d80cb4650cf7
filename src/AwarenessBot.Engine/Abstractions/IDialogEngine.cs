namespace AwarenessBot.Engine.Abstractions;

/// <summary>
/// Runs one turn of a conversation. Pure and synchronous: content and services are in memory, state is passed in and
/// mutated in place, and the caller (the Bot Framework edge) loads and saves it. No HTTP and no Bot Framework types.
/// </summary>
public interface IDialogEngine
{
    TurnResult RunTurn(TurnInput input, DialogSessionState session, UserProfileState profile);
}

public enum TurnKind
{
    /// <summary>The user joined (conversationUpdate) or the channel never sends one and this is the first message.</summary>
    ConversationStart,
    /// <summary>A message: typed text or the value of a pressed button.</summary>
    Message,
}

/// <param name="Text">What the user typed or the value of the button they pressed; null for ConversationStart.</param>
/// <param name="ChannelId">Bot Framework channel id (webchat, directline, emulator, msteams, sms, ...).</param>
/// <param name="ChannelLocale">The activity's locale (e.g. "fr-CA"), if the channel sent one.</param>
/// <param name="DetectedLanguage">Language detected confidently in this message (en, fr, es, tl), else null.</param>
/// <param name="Crisis">The strongest risk signal raised by text analysis for this message, else null.</param>
public sealed record TurnInput(
    TurnKind Kind,
    string? Text,
    string ChannelId,
    string? ChannelLocale,
    string? DetectedLanguage,
    CrisisSignal? Crisis,
    DateTimeOffset Now)
{
    /// <summary>This message's evidence per risk category (0..1, by wire name); the conversation keeps it, decaying.</summary>
    public IReadOnlyDictionary<string, double>? RiskScores { get; init; }

    /// <summary>The message is in a script the bot has no language for (arabic, gurmukhi, ...), else null.</summary>
    public string? UnsupportedScript { get; init; }

    /// <summary>
    /// ConversationStart only: the page was opened from a lesson link. The engine checks it against the flows
    /// (<see cref="ILessonCatalog"/>); an unknown module, band or locale is ignored and the usual welcome runs.
    /// </summary>
    public LessonStart? Lesson { get; init; }
}

/// <param name="Category">immediate_danger | self_harm | child_sexual_exploitation | labour_exploitation.</param>
/// <param name="Severity">high (the crisis reply) | check_in (are you safe right now?).</param>
public sealed record CrisisSignal(string Category, string Severity)
{
    public const string High = "high";
    public const string CheckIn = "check_in";

    /// <summary>The frame id, "model", or "conversation" (evidence built over several messages).</summary>
    public string Rule { get; init; } = "";

    /// <summary>The person is writing about someone else.</summary>
    public bool ThirdPerson { get; init; }

    /// <summary>A frame (an explainable pattern of a situation) matched: not the model alone, not the conversation's evidence.</summary>
    public bool ByFrame { get; init; }

    /// <summary>
    /// The other categories the same message raised, at any tier, most urgent first: the crisis answer names their lines
    /// too ("he has a knife and I want to die" gets 911 and the suicide line).
    /// </summary>
    public IReadOnlyList<string> Beside { get; init; } = [];
}

public sealed record TurnResult(IReadOnlyList<BotReply> Replies, IReadOnlyList<EngineEvent> Events, TurnEffects Effects)
{
    /// <summary>The risk answered this turn (from this message or from the conversation's evidence), else null.</summary>
    public CrisisSignal? Triage { get; init; }

    /// <summary>
    /// The steps this turn entered, in order: what the engine did, as ids (never text), so that evaluations and tests
    /// ask the engine where a conversation went instead of reading its wording.
    /// </summary>
    public IReadOnlyList<StepVisit> Visited { get; init; } = [];

    /// <summary>The intent the message was acted on as (a topic, an interruption, skip/back, an answer route), else null.</summary>
    public string? Understood { get; init; }

    /// <summary>
    /// The message was not understood at the waiting step: the engine asked again ("didn't get that") or, its retries
    /// spent, fell back to the menu. The engine decides it, so nobody has to recognise the wording.
    /// </summary>
    public bool NotUnderstood { get; init; }

    /// <summary>
    /// Quiz answers given this turn in a conversation opened with a lesson code: the edge adds each to the code's
    /// anonymous counts. Empty without a code.
    /// </summary>
    public IReadOnlyList<ClassAnswer> ClassAnswers { get; init; } = [];
}

/// <summary>
/// One quiz answer for a class's results: the lesson code, the quiz (content id), the choice's number, and the
/// conversation's random answerer value (<see cref="DialogSessionState.ClassAnswerer"/>), with which the results store
/// counts one answer per question per conversation without keeping who answered.
/// </summary>
public sealed record ClassAnswer(string Code, string Question, string Choice, string Answerer);

/// <summary>A step the engine entered: its flow, its id, and the frame's values then (choice ids, never text).</summary>
public sealed record StepVisit(string Flow, string Step, IReadOnlyDictionary<string, string>? Values);

[Flags]
public enum TurnEffects
{
    None = 0,
    /// <summary>The user asked to delete their data: the edge deletes conversation and user state from storage.</summary>
    DeleteAllData = 1,
    /// <summary>The user said stop: the edge ends the conversation (endOfConversation where the channel supports it).</summary>
    EndConversation = 2,
}

/// <summary>
/// An anonymous programme event (analytics). Names: session_started, module_started, module_completed, quiz_answered,
/// services_shown, crisis_raised, language_switched, data_deleted. Properties hold only coarse, non-identifying values
/// (module id, locale, audience, age band, region, need, service id, correct=true|false, category): never text.
/// </summary>
public sealed record EngineEvent(string Name, IReadOnlyDictionary<string, string> Properties);
