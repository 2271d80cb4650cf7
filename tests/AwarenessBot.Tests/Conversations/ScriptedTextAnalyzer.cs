using AwarenessBot.Analysis.Abstractions;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// What a transcript turn says text analysis found: a confidently detected language and/or a crisis category.
/// Transcripts declare these facts instead of relying on which words the lexicons happen to know.
/// </summary>
/// <param name="SignalsAsDeclared">True: the declared crisis (or none) replaces the real signals, as the transcript
/// format defines <c>crisis</c> as "what text analysis raised". False: the declared one is added to the real ones.</param>
internal sealed record AnalysisScript(string? DetectedLanguage, string? CrisisCategory, bool SignalsAsDeclared = false)
{
    /// <summary>The declared crisis's tier: high (as a frame would raise it) or check_in.</summary>
    public string Severity { get; init; } = "high";

    /// <summary>The declared signal's rule id: a scripted frame unless "model".</summary>
    public string? Rule { get; init; }

    public bool ThirdPerson { get; init; }

    /// <summary>Other categories the message raised beside the declared crisis: frames at the check-in tier.</summary>
    public IReadOnlyList<string> Beside { get; init; } = [];
}

/// <summary>
/// The real analyzer, plus whatever the current turn's script adds. The script travels in an AsyncLocal that the
/// driver sets around one <c>ProcessActivityAsync</c> call, so concurrent conversations never see each other's script
/// (a shared queue would). Without a script this is exactly the real analyzer.
/// Adds (or, with <see cref="AnalysisScript.SignalsAsDeclared"/>, sets): a signal of the scripted category and tier (high unless check_in) and, when a language is
/// scripted, that language with full confidence.
/// </summary>
internal sealed class ScriptedTextAnalyzer(ITextAnalyzer real) : ITextAnalyzer
{
    private static readonly AsyncLocal<AnalysisScript?> Current = new();

    public static IDisposable Use(AnalysisScript script)
    {
        var previous = Current.Value;
        Current.Value = script;
        return new Restore(previous);
    }

    public async ValueTask<TextAnalysis> AnalyzeAsync(string text, string? localeHint, CancellationToken cancellationToken)
    {
        var analysis = await real.AnalyzeAsync(text, localeHint, cancellationToken);
        if (Current.Value is not { } script)
        {
            return analysis;
        }

        if (script.DetectedLanguage is { } language)
        {
            analysis = analysis with { Language = language, LanguageConfidence = 1.0 };
        }

        IReadOnlyList<RiskSignal> declared = script.CrisisCategory is { } category
            ? [
                new RiskSignal(ParseCategory(category), script.Severity == "check_in" ? RiskSeverity.CheckIn : RiskSeverity.High, 0, text.Length, script.Rule ?? "test:scripted") { ThirdPerson = script.ThirdPerson },
                .. script.Beside.Select(b => new RiskSignal(ParseCategory(b), RiskSeverity.CheckIn, 0, text.Length, "test:scripted-beside")),
            ]
            : [];
        analysis = script.SignalsAsDeclared
            // Declared means all of it: the per-category evidence the conversation keeps is the declared signal's too.
            ? analysis with { Signals = declared, RiskScores = [] }
            : analysis with { Signals = [.. declared, .. analysis.Signals] };

        return analysis;
    }

    /// <summary>Throws on a category the product does not know, so a typo in a transcript cannot pass silently.</summary>
    private static RiskCategory ParseCategory(string wireName) =>
        Enum.GetValues<RiskCategory>().Single(c => c.ToWireName() == wireName);

    private sealed class Restore(AnalysisScript? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
