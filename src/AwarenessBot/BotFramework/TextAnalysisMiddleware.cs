using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.BotFramework;

/// <summary>
/// Analyses every incoming message before the dialog engine sees it (at every step: a crisis interrupts anything),
/// keeps the result for this turn only, and marks every reply of a turn that answered a risk with
/// <c>channelData.triage</c> {category, severity (high | check_in), rule} — the web page shows an emergency banner
/// from it. The engine decides (this message's signal, or evidence built over the conversation) and the bot puts its
/// decision in the turn state. The text itself is never logged or kept.
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
            }

            turnContext.OnSendActivities(async (context, activities, nextSend) =>
            {
                if (context.TurnState.Get<CrisisSignal>() is { } triage)
                {
                    foreach (var reply in activities.Where(a => a.Type == ActivityTypes.Message))
                    {
                        AddTriage(reply, triage);
                    }
                }

                return await nextSend().ConfigureAwait(false);
            });
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    private static void AddTriage(Activity reply, CrisisSignal triage)
    {
        var channelData = reply.ChannelData as JObject ?? (reply.ChannelData is null ? new JObject() : JObject.FromObject(reply.ChannelData));
        channelData["triage"] = new JObject
        {
            ["category"] = triage.Category,
            ["severity"] = triage.Severity,
            ["rule"] = triage.Rule,
        };
        reply.ChannelData = channelData;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Risk signal {Category} ({Severity}) by rule {RuleId} via {Provider}")]
    private static partial void LogSignal(ILogger logger, RiskCategory category, RiskSeverity severity, string ruleId, string provider);

    private static string? LocaleHint(string? locale) =>
        string.IsNullOrEmpty(locale) ? null : locale.Split('-', '_')[0].ToLowerInvariant();
}
