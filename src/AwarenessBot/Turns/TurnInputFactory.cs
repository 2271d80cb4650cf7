using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>Translates an incoming turn (and its text analysis) into the engine's own input record.</summary>
internal static class TurnInputFactory
{
    /// <summary>Language detection below this confidence does not switch the conversation's language.</summary>
    public const double ConfidentLanguage = 0.8;

    /// <summary>Null when there is nothing to answer (a message of only spaces, no text and no button value).</summary>
    public static TurnInput? From(ChannelTurn turn, TextAnalysis? analysis, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind == TurnKind.ConversationStart)
        {
            return new TurnInput(TurnKind.ConversationStart, null, turn.ChannelId, turn.Locale, null, null, now) { Lesson = turn.Lesson };
        }

        var text = turn.Text ?? turn.ChoiceValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var detected = analysis is { LanguageConfidence: >= ConfidentLanguage } ? analysis.Language : null;
        var crisis = analysis?.Strongest is { } signal
            ? new CrisisSignal(signal.Category.ToWireName(), signal.Severity.ToWireName()) { Rule = signal.RuleId, ThirdPerson = signal.ThirdPerson, ByFrame = signal.RuleId != RiskSignal.ModelRule, Beside = [.. analysis.Beside.Select(c => c.ToWireName())] }
            : null;
        return new TurnInput(TurnKind.Message, text.Trim(), turn.ChannelId, turn.Locale, detected, crisis, now)
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
}
