using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Runtime;

/// <summary>Everything one turn reads and writes. Lives for one RunTurn call only.</summary>
internal sealed class TurnContext(TurnInput input, DialogSessionState session, UserProfileState profile, string locale)
{
    public TurnInput Input { get; } = input;
    public DialogSessionState Session { get; } = session;
    public UserProfileState Profile { get; } = profile;
    public string Locale { get; set; } = locale;

    /// <summary>
    /// The language the conversation was in before this message (chosen, or the last one it was written in), else null:
    /// unlike <see cref="Locale"/>, never this message's own ("english please" after Spanish replies asks for a change).
    /// </summary>
    public string? LocaleBefore { get; init; }
    public List<BotReply> Replies { get; } = [];
    public List<EngineEvent> Events { get; } = [];
    public TurnEffects Effects { get; set; }

    /// <summary>Quiz answers to count under the session's lesson code (see <see cref="TurnResult.ClassAnswers"/>).</summary>
    public List<ClassAnswer> ClassAnswers { get; } = [];

    /// <summary>The turn is over whatever the stack says (stop, delete): don't open the main menu.</summary>
    public bool Halted { get; set; }

    /// <summary>The province or territory this message named ("help in Yukon"), else null: its services come at once.</summary>
    public string? RegionNamed { get; set; }

    /// <summary>
    /// This message named several provinces or territories and <see cref="RegionNamed"/> is the one picked ("I live in
    /// Gatineau but work in Ottawa" → Quebec): the services say which one they are for.
    /// </summary>
    public bool RegionPicked { get; set; }

    /// <summary>The profile's region before this message named one (see <c>DialogEngine.Remember</c>).</summary>
    public string? RegionBefore { get; set; }

    /// <summary>
    /// The rule id of the crisis this turn answers (a frame's id, "model", or the conversation's evidence), else null:
    /// flows read it as turn.crisis_rule ("cse.luring_secret" gets "don't go" first).
    /// </summary>
    public string? CrisisRule { get; set; }

    /// <summary>The intent of the module topic the crisis message also asked for ("luring_secret"), else null: turn.topic.</summary>
    public string? CrisisTopic { get; set; }

    /// <summary>The age band this message stated (its own or a child's, a grade's), else null: a band question of a flow reached this turn takes it.</summary>
    public string? StatedBand { get; set; }

    /// <summary>One of the services just shown that this message names ("the lawyer", "la première"), else null.</summary>
    public Language.ServiceNamed? ServiceNamed { get; set; }

    /// <summary>An interruption ended: the step below says "where were we" and asks again.</summary>
    public bool Resuming { get; set; }

    /// <summary>
    /// This message carried a weak risk signal the engine did not ask about because it understood the message as a
    /// question or topic (DialogEngine.FollowUpBesideWeakSignal): what it understood is what the turn must do.
    /// </summary>
    public bool HeardBesideWeakSignal { get; set; }

    /// <summary>This turn already said that something is shown in English because it is not translated yet.</summary>
    public bool SaidInEnglish { get; set; }

    /// <summary>
    /// The audience key the content repository picks variants by: the age band, else the audience's (seeds/catalog.yaml).
    /// Never the third-person audience: "my friend" once in a conversation must not turn the person's own crisis
    /// answer into advice for a bystander (that voice belongs to a flow run, <see cref="DialogFrame.SpeaksTo"/>).
    /// </summary>
    public string? ContentAudience =>
        Profile.AgeBand ?? (BotCatalog.Default.FindAudience(Profile.Audience) is { ThirdPerson: false } audience ? audience.ContentAudience : null);

    /// <summary>
    /// A parent or teacher who gave a child's age ("my daughter is 12"): the profile keeps the child's band, and items
    /// written for them (the parent or educator variant) speak to them where they exist; the others are shown for the band.
    /// </summary>
    public string? AdultAboutAChild =>
        Profile.AgeBand is not null && BotCatalog.Default.IsAboutAChild(Profile.Audience)
            ? BotCatalog.Default.FindAudience(Profile.Audience)?.ContentAudience
            : null;

    /// <summary>The person said an adult age band (19+), or is an adult audience (worker): never shown services only for under-18s.</summary>
    public bool IsAdult => BotCatalog.Default.FindAgeBand(Profile.AgeBand)?.Adult == true || BotCatalog.Default.FindAudience(Profile.Audience)?.Adult == true;

    /// <summary>
    /// A young person who said an under-18 band (never a parent or teacher, whose band is the child's): never shown
    /// services only for adults or workers. A 14-year-old asked for pictures was shown a shelter for adult women.
    /// </summary>
    public bool IsUnder18 =>
        !BotCatalog.Default.IsAboutAChild(Profile.Audience) && BotCatalog.Default.FindAgeBand(Profile.AgeBand)?.Under18 == true;

    /// <summary>The audience key the service directory ranks by (a young person who said 19+ is ranked as an adult).</summary>
    public string? ServiceAudience =>
        BotCatalog.Default.FindAgeBand(Profile.AgeBand)?.ServiceAudience ?? BotCatalog.Default.FindAudience(Profile.Audience)?.ServiceAudience;

    /// <summary>The steps entered this turn (see <see cref="TurnResult.Visited"/>).</summary>
    public List<StepVisit> Visited { get; } = [];

    /// <summary>The intent the message was acted on as, else null (see <see cref="TurnResult.Understood"/>).</summary>
    public string? Understood { get; set; }

    /// <summary>The engine asked again or fell back to the menu (see <see cref="TurnResult.NotUnderstood"/>).</summary>
    public bool NotUnderstood { get; set; }

    public DialogFrame? Top => Session.Stack.Count > 0 ? Session.Stack[^1] : null;

    public void Reply(string key, IReadOnlyList<ReplyPart> parts, IReadOnlyList<ReplyChoice>? choices = null, string? audience = null) =>
        Replies.Add(new BotReply(key, parts, choices ?? [], Locale) { Audience = audience });

    public void Emit(string name, params (string Key, string Value)[] properties) =>
        Events.Add(new EngineEvent(name, properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)));
}
