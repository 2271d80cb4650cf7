using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.ClassResults;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.BotFramework;

/// <summary>Translates an incoming Activity (and this turn's text analysis) into the engine's own input record.</summary>
internal static class TurnInputFactory
{
    /// <summary>Language detection below this confidence does not switch the conversation's language.</summary>
    public const double ConfidentLanguage = 0.8;

    /// <summary>Null when the activity is not something the engine answers (typing, a bot joining, ...).</summary>
    public static TurnInput? From(Activity activity, TextAnalysis? analysis, DateTimeOffset now)
    {
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            var update = activity.AsConversationUpdateActivity();
            var someoneJoined = update.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
            return someoneJoined
                ? new TurnInput(TurnKind.ConversationStart, null, activity.ChannelId, activity.Locale, null, null, now)
                {
                    Lesson = Lesson(activity.ChannelData),
                }
                : null;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var message = activity.AsMessageActivity();
        var text = message.Text ?? ButtonValue(message.Value);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var detected = analysis is { LanguageConfidence: >= ConfidentLanguage } ? analysis.Language : null;
        var crisis = analysis?.Strongest is { } signal
            ? new CrisisSignal(signal.Category.ToWireName(), signal.Severity.ToWireName()) { Rule = signal.RuleId, ThirdPerson = signal.ThirdPerson, ByFrame = signal.RuleId != RiskSignal.ModelRule }
            : null;
        return new TurnInput(TurnKind.Message, text.Trim(), activity.ChannelId, activity.Locale, detected, crisis, now)
        {
            RiskScores = analysis is { RiskScores.Count: > 0 } ? Scores(analysis.RiskScores) : null,
            UnsupportedScript = analysis?.UnsupportedScript,
        };
    }

    private static Dictionary<string, double> Scores(IReadOnlyList<double> scores)
    {
        var named = new Dictionary<string, double>(scores.Count, StringComparer.Ordinal);
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] > 0)
            {
                named[((RiskCategory)i).ToWireName()] = scores[i];
            }
        }

        return named;
    }

    /// <summary>
    /// channelData.lesson of a conversationUpdate (the web channel's lesson link): three strings, which the engine
    /// checks against its flows, and an optional lesson code (kept only when well-formed). Anything else is no lesson.
    /// </summary>
    private static LessonStart? Lesson(object? channelData)
    {
        var lesson = channelData switch
        {
            JObject o => o["lesson"] as JObject,
            _ => null,
        };
        return lesson?.Value<string>("module") is { } module && lesson.Value<string>("band") is { } band && lesson.Value<string>("locale") is { } locale
            ? new LessonStart(module, band, locale) { ClassCode = ClassCode.Normalize(lesson.Value<string>("class")) }
            : null;
    }

    /// <summary>Card buttons of type messageBack/postBack send a value instead of text.</summary>
    private static string? ButtonValue(object? value) => value switch
    {
        string s => s,
        JObject o => o.Value<string>("value") ?? o.Value<string>("choice"),
        _ => null,
    };
}
