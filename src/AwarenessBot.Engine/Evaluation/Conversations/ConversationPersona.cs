using System.Text.Json;

namespace AwarenessBot.Engine.Evaluation.Conversations;

/// <summary>What a persona types when the bot asks one of the profile questions (null: they skip it).</summary>
public sealed record PersonaAnswers(string? Language, string? Who, string? Region, string? Age, string? Need);

/// <summary>A follow-up message and the navigation label it should reach (a topic, or greeting, thanks, menu, skip...).</summary>
public sealed record PersonaFollowUp(string Text, string Expect);

/// <summary>
/// One line of seeds/corpus/conversations/*.jsonl: someone who comes with one need (see that folder's README).
/// </summary>
/// <param name="Goal">The navigation label they came for (as in seeds/corpus/intents).</param>
/// <param name="Region">Their province or territory code, else null.</param>
public sealed record ConversationPersona(
    string Lang, string Channel, string Opening, PersonaAnswers Answers, string Goal, string? Region, IReadOnlyList<PersonaFollowUp> FollowUps)
{
    public static IReadOnlyList<ConversationPersona> Read(string jsonlPath)
    {
        var rows = new List<ConversationPersona>();
        foreach (var line in File.ReadLines(jsonlPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var a = r.GetProperty("answers");
            var followUps = r.TryGetProperty("follow_ups", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(x => new PersonaFollowUp(Str(x, "text") ?? "", Str(x, "expect") ?? "")).ToList()
                : [];
            rows.Add(new ConversationPersona(
                Str(r, "lang") ?? "", Str(r, "channel") ?? "web", Str(r, "opening") ?? "",
                new PersonaAnswers(Str(a, "language"), Str(a, "who"), Str(a, "region"), Str(a, "age"), Str(a, "need")),
                Str(r, "goal") ?? "", Str(r, "region"), followUps));
        }
        return rows;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
