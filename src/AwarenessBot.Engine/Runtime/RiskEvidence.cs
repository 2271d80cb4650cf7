using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// Evidence spread over several messages: "he has my pics", then "now he wants $500". Each category's score decays
/// by half per message and adds this message's; when it crosses the threshold with a real contribution from this
/// message, the conversation gets a check-in. Only numbers are kept, never text; a raised category starts again at 0.
/// </summary>
internal static class RiskEvidence
{
    public const double Decay = 0.5;
    public const double Threshold = 0.8;
    public const double MinimumContribution = 0.3;

    public static CrisisSignal? Accumulate(DialogSessionState session, TurnInput input)
    {
        var scores = input.RiskScores ?? new Dictionary<string, double>();
        if (input.Kind != TurnKind.Message || (scores.Count == 0 && session.RiskEvidence is null))
        {
            return null;
        }

        // Every message fades what came before, harmless ones included.
        var evidence = session.RiskEvidence ??= [];
        foreach (var category in evidence.Keys.ToList())
        {
            evidence[category] *= Decay;
        }

        CrisisSignal? raised = null;
        foreach (var (category, score) in scores)
        {
            var carried = evidence.GetValueOrDefault(category) + score;
            if (raised is null && input.Crisis is null && score >= MinimumContribution && carried >= Threshold && score < carried)
            {
                raised = new CrisisSignal(category, CrisisSignal.CheckIn) { Rule = "conversation" };
            }

            evidence[category] = Math.Round(Math.Min(carried, 2.0), 3);
        }

        var answered = input.Crisis?.Category ?? raised?.Category;
        if (answered is not null)
        {
            evidence[answered] = 0;
        }

        foreach (var key in evidence.Where(p => p.Value < 0.05).Select(p => p.Key).ToList())
        {
            evidence.Remove(key);
        }

        if (evidence.Count == 0)
        {
            session.RiskEvidence = null;
        }

        return raised;
    }
}
