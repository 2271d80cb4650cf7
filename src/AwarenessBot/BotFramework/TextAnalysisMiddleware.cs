using AwarenessBot.Analysis.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.BotFramework;

/// <summary>
/// Analyses every incoming message before the dialog engine sees it, keeps the result for this turn only, and
/// marks every reply to a message that raised a risk signal with <c>channelData.triage</c> (the web page shows an
/// emergency banner from it). The text itself is never logged or kept.
/// </summary>
internal sealed partial class TextAnalysisMiddleware(ITextAnalyzer analyzer, ILogger<TextAnalysisMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(activity.Text))
        {
            var analysis = await analyzer.AnalyzeAsync(activity.Text, LocaleHint(activity.Locale), cancellationToken).ConfigureAwait(false);
            turnContext.TurnState.Set(analysis);
            if (analysis.Strongest is { } signal)
            {
                LogSignal(logger, signal.Category, signal.Severity, signal.RuleId, analysis.Provider);
                turnContext.OnSendActivities(async (context, activities, nextSend) =>
                {
                    foreach (var reply in activities.Where(a => a.Type == ActivityTypes.Message))
                    {
                        AddTriage(reply, signal);
                    }

                    return await nextSend().ConfigureAwait(false);
                });
            }
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    private static void AddTriage(Activity reply, RiskSignal signal)
    {
        var channelData = reply.ChannelData as JObject ?? (reply.ChannelData is null ? new JObject() : JObject.FromObject(reply.ChannelData));
        channelData["triage"] = new JObject
        {
            ["category"] = signal.Category.ToWireName(),
            ["severity"] = signal.Severity.ToWireName(),
        };
        reply.ChannelData = channelData;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Risk signal {Category} ({Severity}) by rule {RuleId} via {Provider}")]
    private static partial void LogSignal(ILogger logger, RiskCategory category, RiskSeverity severity, string ruleId, string provider);

    private static string? LocaleHint(string? locale) =>
        string.IsNullOrEmpty(locale) ? null : locale.Split('-', '_')[0].ToLowerInvariant();
}
