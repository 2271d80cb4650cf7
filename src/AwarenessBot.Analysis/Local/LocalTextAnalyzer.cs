using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Frames;
using AwarenessBot.Analysis.Language;
using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.PersonalData;
using AwarenessBot.Analysis.Triage;

namespace AwarenessBot.Analysis.Local;

/// <summary>
/// The default analyzer: no network, deterministic, explainable (every signal names its frame, or "model").
/// Thread-safe; build once (everything is compiled at load) and share.
/// </summary>
public sealed class LocalTextAnalyzer : ITextAnalyzer
{
    public const string ProviderName = "local";

    /// <summary>What one load of seeds/ built; replaced as a whole when an edit of seeds/ is accepted (<see cref="Adopt"/>).</summary>
    private sealed record Loaded(TriageDetector Triage, LanguageIdentifier Language);

    private Loaded _loaded;

    private LocalTextAnalyzer(TriageDetector triage, LanguageIdentifier language) => _loaded = new Loaded(triage, language);

    private TriageDetector Triage => Volatile.Read(ref _loaded).Triage;

    /// <summary>Number of risk frames loaded (readiness and diagnostics).</summary>
    public int RuleCount => Triage.Rules.Frames.Frames.Count;

    /// <summary>Number of concept entries loaded.</summary>
    public int PatternCount => Triage.Rules.EntryCount;

    public IReadOnlyList<string> Locales => Triage.Rules.Locales;

    /// <summary>True when the trained model is loaded beside the frames.</summary>
    public bool HasModel => Triage.Model is not null;

    /// <summary>
    /// Takes over what another analyzer loaded (a newer seeds/ that the data pipeline accepted): a message analysed
    /// from now on uses the new lexicons and model, one already being analysed finishes with the old ones.
    /// </summary>
    public void Adopt(LocalTextAnalyzer fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        Volatile.Write(ref _loaded, Volatile.Read(ref fresh._loaded));
    }

    /// <summary>Loads and validates the triage rules, the model and the language profiles from a seeds folder.</summary>
    /// <exception cref="Lexicons.LexiconValidationException">With every problem found, each naming its file and entry.</exception>
    public static LocalTextAnalyzer FromSeeds(string seedsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsDirectory);
        var rules = TriageRulesLoader.Load(seedsDirectory);
        // The model is a second opinion: a seeds folder without one still gets the frames.
        var modelPath = Path.Combine(seedsDirectory, TriageModel.RelativePath);
        var model = File.Exists(modelPath) ? TriageModel.Load(modelPath) : null;
        var language = LanguageIdentifier.Load(seedsDirectory);
        return new LocalTextAnalyzer(new TriageDetector(rules, model, language), language);
    }

    public ValueTask<TextAnalysis> AnalyzeAsync(string text, string? localeHint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Analyze(text));

    /// <summary>
    /// The text the triage model reads (<see cref="Normalization.NormalizedMessage.ModelInput"/> and the concept classes
    /// found): training and explanations use it too, so the model learns from exactly what the product will show it.
    /// </summary>
    public string ModelText(string text) => Triage.ModelText(text);

    /// <summary>Author tool (a console, never a log): concepts found and frames fired for a text.</summary>
    public IEnumerable<string> ExplainFrames(string text) => Triage.Explain(text);

    /// <summary>Training tool: a labelled line with what the frames alone decide about it (model calibration).</summary>
    /// <param name="vetoModel">The model being calibrated: its veto on frames applies as it will in the detector.</param>
    public Model.Training.ScoredLine FramesContext(string text, TriageClass label, string language, TriageModel? vetoModel = null) =>
        Triage.FramesContext(text, label, language, vetoModel);

    /// <summary>Synchronous core, also used by the cloud provider as its fallback and for the risk signals.</summary>
    public TextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var loaded = Volatile.Read(ref _loaded);
        var (language, confidence) = loaded.Language.Identify(text);
        var personalData = PersonalDataDetector.Detect(text);
        var (signals, scores) = loaded.Triage.Detect(text, (language, confidence));
        return new TextAnalysis(language, confidence, personalData, Redactor.Redact(text, personalData), signals, ProviderName)
        {
            RiskScores = scores,
            UnsupportedScript = ScriptDetector.UnsupportedScript(text),
        };
    }
}
