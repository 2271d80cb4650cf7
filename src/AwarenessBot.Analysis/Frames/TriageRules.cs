using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Frames;

/// <summary>Everything the rule side of triage needs, loaded and compiled once from <c>seeds/triage/</c>.</summary>
internal sealed record TriageRules(MessageNormalizer Normalizer, ConceptIndex Concepts, FrameEvaluator Frames, IReadOnlyList<string> Locales)
{
    public int EntryCount { get; init; }

    /// <summary>The gates that silence the model for a whole message (topic question, laughter, hyperbole).</summary>
    public IReadOnlyList<GateDefinition> MessageGates { get; init; } = [];

    /// <summary>
    /// Where a gate holds the model back, its high tier is a check-in; for these categories its check-in tier stays a
    /// check-in too (seeds/triage/frames.yaml, model_past_gates).
    /// </summary>
    public IReadOnlySet<RiskCategory> CheckInPastGates { get; init; } = new HashSet<RiskCategory>();

    /// <summary>
    /// Gates under which only the model's high tier speaks for their categories, as a check-in (seeds/triage/frames.yaml,
    /// model_past_gates.high_only): "je ne suis pas en danger" is an answer, not a doubt to ask about.
    /// </summary>
    public IReadOnlyList<HighOnlyGate> HighOnlyGates { get; init; } = [];

    /// <summary>When the model may drop a frame (seeds/triage/frames.yaml, model_veto).</summary>
    public ModelVeto ModelVeto { get; init; } = ModelVeto.Never;

    /// <summary>Rule ids of the frames the model's veto never drops (a frame's <c>model_veto: false</c>).</summary>
    public IReadOnlySet<string> Unvetoed { get; init; } = new HashSet<string>();

    /// <summary>Rule id → the category the frame yields to when the model reads that one as likeliest, at its high tier.</summary>
    public IReadOnlyDictionary<string, RiskCategory> YieldsToModel { get; init; } = new Dictionary<string, RiskCategory>();

    /// <summary>Short replies the model's middle tier keeps quiet on (seeds/triage/frames.yaml, plain_reply); null: none.</summary>
    public PlainReply? PlainReply { get; init; }

    /// <summary>Whose stems a message is read with (seeds/triage/frames.yaml, stem_languages); null: every language's.</summary>
    public StemLanguages? StemLanguages { get; init; }
}

/// <summary>
/// A message identified as one language (confidence at least <paramref name="IdentifiedAbove"/>) is read with that
/// language's stemmed entries and those of <paramref name="MixedIn"/>, the languages people mix into every other; one
/// identified as a mixed-in language, or not identified, with every language's. One language's word stems like another's
/// rule word: Spanish "enferma" (sick) is French "enfermée" (locked in), French "enfermé" Spanish "enfermo".
/// </summary>
internal sealed record StemLanguages(double IdentifiedAbove, IReadOnlySet<string> MixedIn)
{
    /// <summary>The language whose entries (with the mixed-in ones') read the message, or null for every language.</summary>
    public string? ReadAs(string language, double confidence) =>
        confidence >= IdentifiedAbove && !MixedIn.Contains(language) ? language : null;

    /// <summary>
    /// Per language, its words that a mixed-in language's entries must not read in a message of that language: Spanish
    /// "he" and "has" (I have, you have: "lo he pensado mucho") are no English "he" (AGENT), French "pain" (bread) no
    /// English pain.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> OwnWords { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>The own words of the language a message is read as (<see cref="ReadAs"/>), or null.</summary>
    public IReadOnlySet<string>? OwnWordsOf(string? readAs) => readAs is not null && OwnWords.TryGetValue(readAs, out var words) ? words : null;
}

/// <summary>
/// A reply of at most <paramref name="MaxWords"/> words (as typed: "idk" is one) that says one of
/// <paramref name="Plain"/> and no other concept than those and <paramref name="Neutral"/>: "im 16", "tengo 14", "je
/// sais pas". Typed at the bot's own questions (the age, the region), they read to the model like the first words of
/// a disclosure; only its high tier speaks, as a check-in.
/// </summary>
internal sealed record PlainReply(int MaxWords, int[] Plain, int[] Neutral)
{
    public bool Holds(NormalizedMessage message, ConceptHits hits, int conceptCount)
    {
        if (!Array.Exists(Plain, hits.Has) || message.Tokens.Select(t => t.Start).Distinct().Count() > MaxWords) return false;
        for (var c = 0; c < conceptCount; c++)
        {
            if (hits.Has(c) && Array.IndexOf(Plain, c) < 0 && Array.IndexOf(Neutral, c) < 0) return false;
        }

        return true;
    }
}

/// <summary>
/// The model's veto on a frame, on a message the model may judge (two words or more, no message gate): it drops the
/// frame when it reads the message as harmless (none above <paramref name="NoneAbove"/>) and the frame's category as
/// unlikely (below <paramref name="CategoryBelow"/>). A message the model finds risky in some other way keeps its
/// frames: "my boss kept my passport and I want to die" splits the model between labour and self-harm.
/// </summary>
internal sealed record ModelVeto(double NoneAbove, double CategoryBelow)
{
    public static readonly ModelVeto Never = new(double.NaN, double.NaN);

    public bool Drops(double none, double category) => none > NoneAbove && category < CategoryBelow;
}

/// <summary>A gate under which the model's middle tier stays quiet for <paramref name="Categories"/>.</summary>
internal sealed record HighOnlyGate(GateDefinition Gate, IReadOnlySet<RiskCategory> Categories);
