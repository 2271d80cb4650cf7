namespace AwarenessBot.Testing.Transcripts;

/// <summary>
/// Transcripts are written against small fakes. Against the real seeds, which services a need returns and which quiz
/// answer is right are the data's business: this keeps the conversation's shape (every other key, in order) and
/// accepts any services ("service:*") where services were expected and either quiz feedback ("&lt;id&gt;:quiz_*").
/// </summary>
public static class TranscriptRelaxation
{
    public static TranscriptDefinition ForRealData(TranscriptDefinition transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var turns = transcript.Turns.Select(turn =>
        {
            var bot = new List<string>(turn.Bot.Count);
            foreach (var key in turn.Bot)
            {
                var relaxed = key.StartsWith("service:", StringComparison.Ordinal) ? "service:*"
                    : key.EndsWith(":quiz_correct", StringComparison.Ordinal) || key.EndsWith(":quiz_incorrect", StringComparison.Ordinal)
                        ? key[..(key.LastIndexOf(':') + 1)] + "quiz_*"
                        : key;
                if (bot.Count == 0 || bot[^1] != relaxed || !relaxed.EndsWith('*')) bot.Add(relaxed);
            }
            var lastIsService = turn.Bot.Count > 0 && turn.Bot[^1].StartsWith("service:", StringComparison.Ordinal);
            return turn with { Bot = bot, Choices = lastIsService ? null : turn.Choices };
        }).ToList();
        return transcript with { Turns = turns };
    }
}
