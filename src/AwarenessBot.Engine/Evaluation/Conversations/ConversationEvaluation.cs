using System.Globalization;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Evaluation.Conversations;

/// <summary>Per-language figures of a conversation run (see <see cref="ConversationSimulator"/> for what counts).</summary>
public sealed record ConversationScore(string Lang, int Count, int Reached, int FollowUps, int FollowUpsRight, int AtMostOneReprompt, double MeanTurnsToGoal)
{
    public double ReachedRate => Count == 0 ? 0 : (double)Reached / Count;
    public double FollowUpRate => FollowUps == 0 ? 1 : (double)FollowUpsRight / FollowUps;
    public double AtMostOneRepromptRate => Count == 0 ? 0 : (double)AtMostOneReprompt / Count;
}

public sealed record ConversationReport(IReadOnlyList<ConversationScore> Languages, ConversationScore All, IReadOnlyList<ConversationOutcome> Outcomes)
{
    /// <summary>The table the CLI prints (figures only).</summary>
    public string Table()
    {
        var lines = new List<string> { "lang      n  goal reached  follow-ups right  <=1 re-prompt  mean turns to goal" };
        foreach (var s in Languages.Append(All))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{s.Lang,-4} {s.Count,5}  {s.ReachedRate,12:P1}  {s.FollowUpRate,10:P1} ({s.FollowUpsRight}/{s.FollowUps})  {s.AtMostOneRepromptRate,13:P1}  {s.MeanTurnsToGoal,18:0.0}"));
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>Every conversation that failed somewhere, with its transcript (response keys, never the bot's wording).</summary>
    public IEnumerable<string> Misses()
    {
        foreach (var o in Outcomes)
        {
            var p = o.Persona;
            if (o.Success && o.FollowUpsRight == p.FollowUps.Count && o.Reprompts <= 1) continue;
            yield return $"[{p.Lang}/{p.Channel}] goal {p.Goal} region {p.Region ?? "-"}: "
                + (o.Success ? "reached" : o.GoalReached ? "content shown, region not used" : "NOT reached")
                + $", follow-ups {o.FollowUpsRight}/{p.FollowUps.Count}, re-prompts {o.Reprompts}";
            foreach (var line in o.Transcript) yield return line;
        }
    }
}

/// <summary>Runs every persona of a conversation file against the engine and sums up per language.</summary>
public static class ConversationEvaluation
{
    public static async Task<ConversationReport> RunAsync(
        IDialogEngine engine, IPersonaInput input, IReadOnlyList<ConversationPersona> personas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personas);
        var simulator = new ConversationSimulator(engine, input);
        var outcomes = new List<ConversationOutcome>(personas.Count);
        foreach (var persona in personas) outcomes.Add(await simulator.RunAsync(persona, cancellationToken).ConfigureAwait(false));
        var languages = outcomes.GroupBy(o => o.Persona.Lang).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Score(g.Key, g.ToList())).ToList();
        return new ConversationReport(languages, Score("all", outcomes), outcomes);
    }

    private static ConversationScore Score(string lang, List<ConversationOutcome> outcomes)
    {
        var reached = outcomes.Where(o => o.Success).ToList();
        return new ConversationScore(lang, outcomes.Count, reached.Count,
            outcomes.Sum(o => o.Persona.FollowUps.Count), outcomes.Sum(o => o.FollowUpsRight),
            outcomes.Count(o => o.Reprompts <= 1),
            reached.Count == 0 ? 0 : reached.Average(o => o.TurnsToGoal!.Value));
    }
}
