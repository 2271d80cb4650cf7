using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Language;
using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.PersonalData;
using AwarenessBot.Analysis.Risk;

namespace AwarenessBot.Analysis.Local;

/// <summary>
/// The default analyzer: no network, deterministic, explainable (every signal names its lexicon rule).
/// Thread-safe; build once (everything is compiled at load) and share.
/// </summary>
public sealed class LocalTextAnalyzer : ITextAnalyzer
{
    public const string ProviderName = "local";

    private readonly RiskDetector _risk;
    private readonly LanguageIdentifier _language;

    private LocalTextAnalyzer(RiskLexiconSet lexicons, LanguageIdentifier language)
    {
        _risk = new RiskDetector(lexicons);
        _language = language;
        RuleCount = lexicons.RuleCount;
        PatternCount = lexicons.PatternCount;
        Locales = [.. lexicons.Lexicons.Select(l => l.Locale)];
    }

    /// <summary>Number of risk rules loaded (readiness and diagnostics).</summary>
    public int RuleCount { get; }

    public int PatternCount { get; }

    public IReadOnlyList<string> Locales { get; }

    /// <summary>Loads and validates lexicons, schema and language profiles from a seeds folder.</summary>
    /// <exception cref="LexiconValidationException">With every problem found, each naming its file and entry.</exception>
    public static LocalTextAnalyzer FromSeeds(string seedsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsDirectory);
        return new LocalTextAnalyzer(RiskLexiconLoader.Load(seedsDirectory), LanguageIdentifier.Load(seedsDirectory));
    }

    public ValueTask<TextAnalysis> AnalyzeAsync(string text, string? localeHint, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Analyze(text));

    /// <summary>Synchronous core, also used by the cloud provider as its fallback and for the risk signals.</summary>
    public TextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (language, confidence) = _language.Identify(text);
        var personalData = PersonalDataDetector.Detect(text);
        var signals = _risk.Detect(TextNormalizer.Normalize(text));
        return new TextAnalysis(language, confidence, personalData, Redactor.Redact(text, personalData), signals, ProviderName);
    }
}
