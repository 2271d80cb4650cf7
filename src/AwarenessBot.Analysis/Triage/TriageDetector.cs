using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Frames;
using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;
using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Triage;

/// <summary>
/// Three tiers from two opinions. Frames (explainable rules over concepts) and the trained model each score the four
/// risk categories; a high frame or a model score over its calibrated high threshold gives the crisis reply, a
/// check-in frame or a middle model score gives the check-in, anything else nothing. A topic question or a joke
/// holds the model back (it cannot tell "what is sextortion?" from a report as well as the gates can) to a check-in
/// at most; a frame that survived its own gates is never silenced by them.
/// </summary>
/// <param name="identifier">Identifies a message's language for <see cref="TriageRules.StemLanguages"/>; null: every language's stems.</param>
internal sealed class TriageDetector(TriageRules rules, TriageModel? model, Language.LanguageIdentifier? identifier = null)
{
    private const double CheckInEvidence = 0.6;

    /// <summary>
    /// The model speaks on two words or more: one word is too little context for n-grams ("stop", "ok", "help" read
    /// as self-harm on the validation split), and a one-word risk ("kms", "sos") is the frames' job.
    /// </summary>
    private const int MinModelWords = 2;
    private static readonly RiskCategory[] Categories = Enum.GetValues<RiskCategory>();

    public TriageRules Rules => rules;

    public TriageModel? Model => model;

    /// <param name="identified">The message's language as already identified (the analyzer does it once per turn).</param>
    public (IReadOnlyList<RiskSignal> Signals, double[] Scores) Detect(string text, (string Language, double Confidence)? identified = null)
    {
        var message = rules.Normalizer.Normalize(text);
        var scores = new double[Categories.Length];
        if (message.Tokens.Count == 0)
        {
            return ([], scores);
        }

        var hits = FindConcepts(text, message, identified);
        var silenced = new HashSet<RiskCategory>();
        var signals = rules.Frames.Evaluate(message, hits, silenced);
        var tooShort = message.Tokens.Count < MinModelWords;
        var modelMaySpeak = !(MessageGated(message, hits) || tooShort);
        var prediction = model?.Predict(ModelText(message, hits));
        if (modelMaySpeak && prediction is not null)
        {
            Veto(signals, prediction);
            YieldToModel(signals, prediction);
        }

        foreach (var signal in signals)
        {
            var evidence = signal.Severity == RiskSeverity.High ? 1.0 : CheckInEvidence;
            scores[(int)signal.Category] = Math.Max(scores[(int)signal.Category], evidence);
        }

        if (prediction is not null)
        {
            AddModelOpinion(message, hits, prediction, !modelMaySpeak, tooShort, signals, scores, silenced);
        }

        return (Strongest(signals), scores);
    }

    /// <summary>
    /// Drops the frames the model vetoes (<see cref="TriageRules.ModelVeto"/>): on the dev split most of the frames'
    /// false alarms were messages the model reads as harmless ("my dad took my phone bc i didnt do the dishes" as
    /// confinement). Only where the model may judge: a one-word message or a gated one keeps its frames.
    /// </summary>
    private void Veto(List<RiskSignal> signals, TriagePrediction prediction)
    {
        var none = prediction.Probability(TriageClass.None);
        signals.RemoveAll(s => s.RuleId != RiskSignal.ModelRule && !rules.Unvetoed.Contains(s.RuleId)
            && rules.ModelVeto.Drops(none, prediction.Probability(ToClass(s.Category))));
    }

    /// <summary>
    /// A frame marked <c>yields_to_model</c> becomes a check-in, named beside the answer, when the model's likeliest
    /// risk is that other category at its high tier: "todos me dicen q me mate y ya lo estoy pensando" is self-harm,
    /// though "mate" (kill) and "me dicen" (someone says) make the danger frame of a threat.
    /// </summary>
    private void YieldToModel(List<RiskSignal> signals, TriagePrediction prediction)
    {
        if (rules.YieldsToModel.Count == 0) return;
        var pick = Categories.MaxBy(c => prediction.Probability(ToClass(c)));
        if (prediction.SeverityOf(ToClass(pick)) != TriageSeverity.High) return;
        for (var i = 0; i < signals.Count; i++)
        {
            if (rules.YieldsToModel.TryGetValue(signals[i].RuleId, out var to) && to == pick)
            {
                signals[i] = signals[i] with { Severity = RiskSeverity.CheckIn };
            }
        }
    }

    private void AddModelOpinion(
        NormalizedMessage message, ConceptHits hits, TriagePrediction prediction, bool gated, bool tooShort, List<RiskSignal> signals, double[] scores, HashSet<RiskCategory> silenced)
    {
        var thirdPerson = rules.Frames.ThirdPerson.Holds(hits);
        var end = message.Tokens[^1].Start + message.Tokens[^1].Length;
        var plain = rules.PlainReply?.Holds(message, hits, rules.Concepts.ConceptCount) == true;
        var pick = Categories.MaxBy(c => prediction.Probability(ToClass(c)));
        foreach (var category in Categories)
        {
            var risk = ToClass(category);
            var p = prediction.Probability(risk);
            // A silenced category keeps no evidence either, or "he never hit me" would add up over a conversation.
            if (!gated && !plain && !silenced.Contains(category))
            {
                scores[(int)category] = Math.Max(scores[(int)category], p);
            }

            if (tooShort || signals.Exists(s => s.Category == category && s.Severity == RiskSeverity.High))
            {
                continue;
            }

            // A gate held the model or silenced this category's frame ("magpapakamatay daw sya after ng exam", "lol ya
            // tengo mi nota lista"): it softens to a check-in instead of silencing (seeds/triage/frames.yaml,
            // model_past_gates).
            var held = gated || silenced.Contains(category);
            var reassured = rules.HighOnlyGates.Any(g => g.Categories.Contains(category) && FrameEvaluator.HoldsInMessage(g.Gate, message, hits));
            var severity = prediction.SeverityOf(risk) switch
            {
                TriageSeverity.High when held || reassured || plain => RiskSeverity.CheckIn,
                _ when reassured || plain => (RiskSeverity?)null,
                TriageSeverity.CheckIn when held && category == pick && rules.CheckInPastGates.Contains(category) => RiskSeverity.CheckIn,
                _ when held => (RiskSeverity?)null,
                TriageSeverity.High => RiskSeverity.High,
                TriageSeverity.CheckIn => RiskSeverity.CheckIn,
                _ => (RiskSeverity?)null,
            };
            // When a gate silenced the risk the model finds likeliest ("he didn't hurt me": danger, negated), its
            // runners-up at the check-in tier are that same reading leaking into a neighbouring head: they stay quiet.
            if (severity is { } s && (s == RiskSeverity.High || category == pick || !silenced.Contains(pick)))
            {
                // Every risk head is scored against "none" alone, so the highest probability is the model's pick
                // among the risks: it orders the model's signals of one severity.
                signals.Add(new RiskSignal(category, s, 0, end, RiskSignal.ModelRule) { ThirdPerson = thirdPerson, Confidence = p, ModelsPick = category == pick });
            }
        }
    }

    /// <summary>
    /// What the frames decide about a message without the model, for calibrating the model as part of the detector:
    /// the frames' answer (<see cref="TriageClass.None"/> when silent) and, per class, whether the model may still speak
    /// (no gate, the category not silenced, no high frame for it already).
    /// </summary>
    /// <param name="vetoModel">The model being calibrated, whose veto on frames applies as in <see cref="Detect"/>.</param>
    public ScoredLine FramesContext(string text, TriageClass label, string language, TriageModel? vetoModel = null)
    {
        var message = rules.Normalizer.Normalize(text);
        var mayFlag = new bool[TriageClasses.Count];
        if (message.Tokens.Count == 0)
        {
            return new ScoredLine(message.ModelInput, label, language) { ModelMayFlag = mayFlag };
        }

        var hits = FindConcepts(text, message);
        var silenced = new HashSet<RiskCategory>();
        var signals = rules.Frames.Evaluate(message, hits, silenced);
        var gated = MessageGated(message, hits) || message.Tokens.Count < MinModelWords;
        var modelText = ModelText(message, hits);
        if (!gated && vetoModel is not null) Veto(signals, vetoModel.Predict(modelText));
        foreach (var category in Categories)
        {
            mayFlag[(int)ToClass(category)] = !gated && !silenced.Contains(category)
                && !signals.Exists(s => s.Category == category && s.Severity == RiskSeverity.High);
        }

        var answer = Strongest(signals) is [var first, ..] ? ToClass(first.Category) : TriageClass.None;
        return new ScoredLine(modelText, label, language) { ModelMayFlag = mayFlag, FramesAnswer = answer };
    }

    /// <summary>What the model reads for a text (training and the author tools), as <see cref="Detect"/> builds it.</summary>
    public string ModelText(string text)
    {
        var message = rules.Normalizer.Normalize(text);
        return message.Tokens.Count == 0 ? message.ModelInput : ModelText(message, FindConcepts(text, message));
    }

    /// <summary>The concepts of a message, read with the stems of its language (<see cref="TriageRules.StemLanguages"/>).</summary>
    private ConceptHits FindConcepts(string text, NormalizedMessage message, (string Language, double Confidence)? identified = null)
    {
        if (rules.StemLanguages is not { } languages || (identified is null && identifier is null))
        {
            return rules.Concepts.Find(message);
        }

        var (language, confidence) = identified ?? identifier!.Identify(text);
        var readAs = languages.ReadAs(language, confidence);
        return rules.Concepts.Find(message, readAs, languages.MixedIn, languages.OwnWordsOf(readAs));
    }

    /// <summary>
    /// The message as the model reads it: its words before spelling correction, then the concept classes the rules
    /// found, each as one <see cref="TriageFeaturizer.ConceptMark"/> word in the concepts' order (a model trained
    /// without concept features skips them).
    /// </summary>
    private string ModelText(NormalizedMessage message, ConceptHits hits)
    {
        var names = rules.Concepts.ConceptNames;
        var builder = new System.Text.StringBuilder(message.ModelInput, message.ModelInput.Length + 64);
        for (var c = 0; c < names.Count; c++)
        {
            if (hits.Has(c))
            {
                builder.Append(' ').Append(TriageFeaturizer.ConceptMark).Append(names[c]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The model's class for a category: the same wire name (the model file names its classes).</summary>
    private static TriageClass ToClass(RiskCategory category) =>
        TriageClasses.TryParse(category.ToWireName(), out var value) ? value : throw new InvalidOperationException($"The model has no class {category}.");

    /// <summary>Author tool: the concepts found (with the words behind them) and the frames that fired or were silenced.</summary>
    public IEnumerable<string> Explain(string text)
    {
        var message = rules.Normalizer.Normalize(text);
        (string Language, double Confidence)? identified = null;
        if (rules.StemLanguages is { } languages && identifier is not null)
        {
            var (language, confidence) = identifier.Identify(text);
            identified = (language, confidence);
            yield return $"  read as {languages.ReadAs(language, confidence) ?? "every language"} (identified {language}, {confidence:0.00})";
        }

        var hits = FindConcepts(text, message, identified);
        for (var c = 0; c < rules.Concepts.ConceptCount; c++)
        {
            if (hits.Has(c))
            {
                yield return $"  {rules.Concepts.ConceptNames[c],-18} {string.Join(" | ", hits.Spans(c).Select(span => string.Join(' ', message.Tokens.Skip(span.First).Take(span.Last - span.First + 1).Select(t => t.Text))))}";
            }
        }

        var silenced = new HashSet<RiskCategory>();
        foreach (var signal in rules.Frames.Evaluate(message, hits, silenced))
        {
            yield return $"  frame {signal.RuleId} → {signal.Category.ToWireName()} ({signal.Severity.ToWireName()})";
        }

        foreach (var category in silenced)
        {
            yield return $"  a frame for {category.ToWireName()} matched but a gate silenced it";
        }
    }

    /// <summary>A topic question ("what is…", "is it legal…") with no report, a laugh or hyperbole anywhere.</summary>
    private bool MessageGated(NormalizedMessage message, ConceptHits hits) => rules.MessageGates.Any(g => FrameEvaluator.HoldsInMessage(g, message, hits));

    /// <summary>One signal per category, strongest first (<see cref="RiskSignal.StrongestFirst"/>).</summary>
    private static List<RiskSignal> Strongest(List<RiskSignal> signals)
    {
        var result = new List<RiskSignal>(signals.Count);
        foreach (var group in signals.GroupBy(s => s.Category))
        {
            var strongest = group.First();
            foreach (var signal in group)
            {
                if (RiskSignal.StrongestFirst(signal, strongest) < 0) strongest = signal;
            }

            result.Add(strongest);
        }

        result.Sort(RiskSignal.StrongestFirst);
        return result;
    }
}
