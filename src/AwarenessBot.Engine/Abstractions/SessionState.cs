namespace AwarenessBot.Engine.Abstractions;

/// <summary>
/// Persisted per conversation (Bot Framework ConversationState). Small, typed, primitive, version-stamped:
/// never rename a property casually, it is stored data. Never holds message text.
/// </summary>
public sealed class DialogSessionState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>The dialog stack, innermost last.</summary>
    public List<DialogFrame> Stack { get; set; } = [];

    public bool Welcomed { get; set; }

    /// <summary>The person mentioned First Nations, Inuit or Métis identity: Indigenous-led services come first.</summary>
    public bool IndigenousFirst { get; set; }

    /// <summary>Risk evidence per category (wire name → 0..1), decaying each message: numbers only, never text.</summary>
    public Dictionary<string, double>? RiskEvidence { get; set; }

    /// <summary>Random per-session key for anonymous analytics; not derived from any id.</summary>
    public string? SessionKey { get; set; }

    /// <summary>
    /// The services shown last (directory ids, in order) and the need they were found for: "is it free?", "do they
    /// speak Tagalog?" are answered about them. Ids of public services only, deleted with the rest.
    /// </summary>
    public List<string>? ShownServices { get; set; }

    public string? ShownNeed { get; set; }

    /// <summary>The lesson code the class link carried, else null: quiz answers are counted under it, nothing else.</summary>
    public string? ClassCode { get; set; }

    /// <summary>
    /// Random, drawn at this conversation's first quiz answer under a lesson code, so that the class's counts take one
    /// answer per question from it (a reload or a second try does not count twice). Unrelated to
    /// <see cref="SessionKey"/>, so the class results cannot be joined to analytics; it goes with the conversation.
    /// </summary>
    public string? ClassAnswerer { get; set; }
}

public sealed class DialogFrame
{
    public string Flow { get; set; } = "";

    public string Step { get; set; } = "";

    public int Retries { get; set; }

    /// <summary>The question asked before this one in the same flow ("back" returns to it), else null.</summary>
    public string? Previous { get; set; }

    /// <summary>Values set by the flow (choice ids, counters) — never free text the person typed.</summary>
    public Dictionary<string, string>? Values { get; set; }

    /// <summary>
    /// The content audience this run speaks to instead of the person's own: the catalog's third-person audience for a
    /// crisis raised by a message about someone else, else null. A property of the run, not of the person: the
    /// profile keeps its audience, and a later crisis about the person themself gets their own text.
    /// </summary>
    public string? SpeaksTo { get; set; }
}

/// <summary>Persisted per user (Bot Framework UserState): only what the dialogs need. No name, exact age or address.</summary>
public sealed class UserProfileState
{
    /// <summary>en, fr, es or tl; null until chosen or detected.</summary>
    public string? Locale { get; set; }

    /// <summary>True when the person chose the language (then detection no longer switches it).</summary>
    public bool LocaleChosen { get; set; }

    /// <summary>9-12, 13-15, 16-18, 19+ — never an exact age.</summary>
    public string? AgeBand { get; set; }

    /// <summary>Province or territory code (ON, QC, ...), or null.</summary>
    public string? Region { get; set; }

    /// <summary>youth, worker, educator, concerned.</summary>
    public string? Audience { get; set; }
}
