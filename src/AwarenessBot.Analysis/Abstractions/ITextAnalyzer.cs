namespace AwarenessBot.Analysis.Abstractions;

/// <summary>
/// Analyses one incoming message: language, personal data (with a redacted copy) and risk signals.
/// Implementations never log or keep the text they are given.
/// </summary>
public interface ITextAnalyzer
{
    /// <param name="text">The user's message as typed.</param>
    /// <param name="localeHint">The locale the conversation is in (en, fr, es, tl), if known.</param>
    ValueTask<TextAnalysis> AnalyzeAsync(string text, string? localeHint, CancellationToken cancellationToken);
}

/// <param name="Language">ISO 639-1 code (en, fr, es, tl) or "und" when unknown.</param>
/// <param name="LanguageConfidence">0..1.</param>
/// <param name="RedactedText">The text with every personal data span replaced (safe to keep where keeping is enabled).</param>
/// <param name="Provider">Which provider produced the result ("local", "azure", "azure+local-fallback").</param>
public sealed record TextAnalysis(
    string Language,
    double LanguageConfidence,
    IReadOnlyList<PersonalDataMatch> PersonalData,
    string RedactedText,
    IReadOnlyList<RiskSignal> Signals,
    string Provider)
{
    /// <summary>
    /// Per-category evidence 0..1 in <see cref="RiskCategory"/> order (the larger of the frames' and the model's), kept
    /// by the conversation as decaying numbers so evidence spread over several messages is noticed. Never text.
    /// </summary>
    public IReadOnlyList<double> RiskScores { get; init; } = [];

    /// <summary>A script the bot has no language for (arabic, gurmukhi, devanagari, …), else null.</summary>
    public string? UnsupportedScript { get; init; }

    /// <summary>
    /// The signal answered: the strongest (<see cref="RiskSignal.StrongestFirst"/>), unless a more urgent risk is
    /// raised beside it at the high tier, or a frame names self-harm at any tier ("I still owe the recruiter and I only
    /// think about dying": only the self-harm answers name the suicide line). The model's lower tiers never do: they
    /// are too often a neighbouring category; nor does its high tier for danger over a frame's answer when the model
    /// itself finds the frame's category likelier ("daddy says i have to make 1000 tonight": exploitation, with the
    /// danger lines beside; on the dev split child exploitation recall 0.927 → 0.931, danger 0.950 → 0.952). The same
    /// holds for the model's self-harm at its high tier (stop 34): a sextortion threat with no word of self-harm ("he
    /// says he will post my picture at school if i dont do a video tonite") read 0.994 self-harm beside 0.9999 child
    /// exploitation and got the self-harm answer; it now gets the exploitation answer with the suicide line beside.
    /// Validation16–24: child exploitation recall 0.944 → 0.951, self-harm 0.968 → 0.967, self-harm lines named
    /// unchanged (0.982).
    /// </summary>
    public RiskSignal? Strongest
    {
        get
        {
            if (Signals.Count == 0) return null;
            var strongest = Signals.Order(Comparer<RiskSignal>.Create(RiskSignal.StrongestFirst)).First();
            var moreUrgent = Signals
                .Where(s => s.Category < strongest.Category
                    && ((s.Severity == RiskSeverity.High
                            && (s.RuleId != RiskSignal.ModelRule || s.ModelsPick || strongest.RuleId == RiskSignal.ModelRule))
                        || (s.Category == RiskCategory.SelfHarm && s.RuleId != RiskSignal.ModelRule)))
                .OrderBy(s => s.Category)
                .ThenByDescending(s => s.Severity)
                .FirstOrDefault();
            return moreUrgent ?? strongest;
        }
    }

    /// <summary>
    /// The other categories raised beside <see cref="Strongest"/>, most urgent first, whose lines the answer names too
    /// ("he has a knife and I want to die": the danger answer and the suicide line). Frames at any tier and the
    /// model's high tier; of the model's check-in tier only self-harm, where a missing line costs most, and only when
    /// it is the risk the model finds likeliest (every risk head is scored against "none", so on a risky message the
    /// self-harm head passes its check-in bar beside most danger and exploitation answers). Chosen on the dev split:
    /// self-harm lines named 0.935 without the model's check-ins → 0.943 this way, with lines of a category the message
    /// is not about beside 7.5 % of crisis answers; with every self-harm check-in 0.956, but beside 37 % of them.
    /// </summary>
    public IReadOnlyList<RiskCategory> Beside
    {
        get
        {
            if (Strongest is not { } answered) return [];
            return [.. Signals
                .Where(s => s.Category != answered.Category
                    && (s.RuleId != RiskSignal.ModelRule || s.Severity == RiskSeverity.High || (s.Category == RiskCategory.SelfHarm && s.ModelsPick)))
                .Select(s => s.Category)
                .Distinct()
                .Order()];
        }
    }
}

public enum PersonalDataKind { Phone, Email, SocialInsuranceNumber, PostalCode, StreetAddress, PassportOrPermitNumber, PersonName, Other }

public sealed record PersonalDataMatch(PersonalDataKind Kind, int Start, int Length);

/// <summary>Ordered by urgency: when two are raised, the lower value is answered first.</summary>
public enum RiskCategory { ImmediateDanger, SelfHarm, ChildSexualExploitation, LabourExploitation }

/// <summary>High: the crisis reply. CheckIn: a short "Are you safe right now?" with the help options.</summary>
public enum RiskSeverity { CheckIn = 1, High = 2 }

/// <param name="RuleId">The frame id that matched, or "model" (explainability; never the text itself).</param>
public sealed record RiskSignal(RiskCategory Category, RiskSeverity Severity, int Start, int Length, string RuleId)
{
    /// <summary>The message is about someone else ("my friend", "ma cousine"): the reply speaks to a worried person.</summary>
    public bool ThirdPerson { get; init; }

    /// <summary>How sure the signal is, 0..1 (a frame: 1; the model: its probability). Orders signals of one severity.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>The model's signal for the risk it finds likeliest of the four (each is scored against "none" alone).</summary>
    public bool ModelsPick { get; init; }

    /// <summary>The rule id of the trained model's signals (a frame's id otherwise).</summary>
    public const string ModelRule = "model";

    /// <summary>
    /// Strongest first: high before check-in, then frames before the model (a frame names what it saw), then the surer
    /// signal, then the category order.
    /// </summary>
    public static int StrongestFirst(RiskSignal? a, RiskSignal? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return 1;
        if (b is null) return -1;
        if (a.Severity != b.Severity) return b.Severity.CompareTo(a.Severity);
        var aModel = a.RuleId == ModelRule;
        if (aModel != (b.RuleId == ModelRule)) return aModel ? 1 : -1;
        return a.Confidence != b.Confidence ? b.Confidence.CompareTo(a.Confidence) : a.Category.CompareTo(b.Category);
    }
}

public static class RiskCategoryNames
{
    /// <summary>The wire names used in channelData.triage and analytics.</summary>
    public static string ToWireName(this RiskCategory category) => category switch
    {
        RiskCategory.ImmediateDanger => "immediate_danger",
        RiskCategory.SelfHarm => "self_harm",
        RiskCategory.ChildSexualExploitation => "child_sexual_exploitation",
        RiskCategory.LabourExploitation => "labour_exploitation",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string ToWireName(this RiskSeverity severity) => severity == RiskSeverity.High ? "high" : "check_in";
}
