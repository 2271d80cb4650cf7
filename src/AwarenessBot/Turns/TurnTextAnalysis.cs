using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>
/// Analyses every typed message before the dialog engine sees it (at every step: a crisis interrupts anything):
/// language, personal data, risk signals. The result lives for this turn only; the text itself is never logged or
/// kept. A button's value is not analysed: it is one of the bot's own choice ids.
/// </summary>
internal sealed partial class TurnTextAnalysis(ITextAnalyzer analyzer, ILogger<TurnTextAnalysis> logger)
{
    public async Task<TextAnalysis?> AnalyzeAsync(ChannelTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind != TurnKind.Message || string.IsNullOrWhiteSpace(turn.Text))
        {
            return null;
        }

        var analysis = await analyzer.AnalyzeAsync(turn.Text, LocaleHint(turn.Locale), cancellationToken).ConfigureAwait(false);
        if (analysis.Strongest is { } signal)
        {
            LogSignal(logger, signal.Category, signal.Severity, signal.RuleId, analysis.Provider);
        }

        return analysis;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Risk signal {Category} ({Severity}) by rule {RuleId} via {Provider}")]
    private static partial void LogSignal(ILogger logger, RiskCategory category, RiskSeverity severity, string ruleId, string provider);

    private static string? LocaleHint(string? locale) =>
        string.IsNullOrEmpty(locale) ? null : locale.Split('-', '_')[0].ToLowerInvariant();
}
