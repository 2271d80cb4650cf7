using System.Text.Json;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Evaluation;

/// <summary>One labelled navigation message (a line of seeds/corpus/intents/*.jsonl).</summary>
/// <param name="Context">first | main_menu | in_topic | asked_need | asked_region | asked_age: where it was typed.</param>
/// <param name="Intent">The intent it should reach; region_only / age_only when it only gives a region or an age.</param>
/// <param name="Region">The province or territory it names (the person's, not one they left), else null.</param>
public sealed record LabelledMessage(string Lang, string Context, string Text, string Intent, string? Region);

/// <summary>Per-language counts: intent right, region right (null = none named counts too), and regions named.</summary>
public sealed record LanguageScore(string Lang, int Count, int IntentCorrect, int RegionCorrect, int RegionNamed, int RegionNamedCorrect)
{
    public double IntentAccuracy => Count == 0 ? 0 : (double)IntentCorrect / Count;
    public double RegionAccuracy => Count == 0 ? 0 : (double)RegionCorrect / Count;
    public double RegionRecall => RegionNamed == 0 ? 1 : (double)RegionNamedCorrect / RegionNamed;
}

public sealed record IntentEvaluationReport(IReadOnlyList<LanguageScore> Languages, IReadOnlyList<string> Misses);

/// <summary>
/// Measures intent understanding the way the engine understands a message (the same normaliser, matcher and slot
/// reader, and the same rules for region_only and age_only), on a labelled file. Prints figures per language; misses
/// only on request, and never for a frozen test split.
/// </summary>
public static class IntentEvaluation
{
    private const double StrongScore = 2;

    /// <summary>What a message gets when no intent, region or age was understood.</summary>
    private const string NothingUnderstood = "none";

    /// <summary>
    /// Engine intents that the label set names differently: the "boyfriend" topic covers boyfriend exploitation, a
    /// secret meeting is grooming, "are you a person" is the talk-to-a-person label. Crisis follow-ups are only
    /// answers inside a crisis flow and never a navigation target.
    /// </summary>
    internal static string? Label(string intent) => intent switch
    {
        "youth_exploitation" => "boyfriend",
        "luring_secret" => "grooming",
        "bot_identity" => "human",
        "identity_indigenous" => null,
        _ when intent.StartsWith("followup_", StringComparison.Ordinal) => null,
        _ => intent,
    };

    public static IReadOnlyList<LabelledMessage> Read(string jsonlPath)
    {
        var rows = new List<LabelledMessage>();
        foreach (var line in File.ReadLines(jsonlPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string? Str(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            rows.Add(new LabelledMessage(Str("lang") ?? "", Str("context") ?? "first", Str("text") ?? "", Str("intent") ?? "none", Str("region")));
        }
        return rows;
    }

    /// <summary>Measures the shipped phrases and model.</summary>
    public static IntentEvaluationReport Run(string seedsDirectory, IReadOnlyList<LabelledMessage> rows, bool collectMisses)
    {
        var catalog = IntentCatalog.Load(Path.Combine(seedsDirectory, "intents"), MessageWords.Load(seedsDirectory));
        return Run(seedsDirectory, catalog, IntentModelOpinion.Load(seedsDirectory, catalog), rows, collectMisses);
    }

    internal static IntentEvaluationReport Run(
        string seedsDirectory, IntentCatalog catalog, IntentModelOpinion? model, IReadOnlyList<LabelledMessage> rows, bool collectMisses)
    {
        var intentsDirectory = Path.Combine(seedsDirectory, "intents");
        var matcher = new IntentMatcher(catalog, model);
        var slots = SlotReader.Load(intentsDirectory, RegionCatalog.Load(Path.Combine(intentsDirectory, "regions.yaml")));
        var misses = new List<string>();
        var scores = new List<LanguageScore>();
        foreach (var group in rows.GroupBy(r => r.Lang).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int intentOk = 0, regionOk = 0, named = 0, namedOk = 0, count = 0;
            foreach (var row in group)
            {
                count++;
                var read = slots.Read(row.Text, bareNumberIsAge: row.Context == "asked_age");
                var predicted = Predict(matcher, catalog, row, read);
                // Out of scope is right when nothing was understood (the engine then asks again or shows the menu).
                if (predicted == row.Intent || (row.Intent == IntentCatalog.OutOfScope && predicted == NothingUnderstood)) intentOk++;
                else if (collectMisses) misses.Add($"[{row.Lang}/{row.Context}] \"{row.Text}\": expected {row.Intent}, got {predicted} ({Explain(matcher, catalog, row.Text)})");
                if (read.Region == row.Region) regionOk++;
                else if (collectMisses) misses.Add($"[{row.Lang}/{row.Context}] \"{row.Text}\": region expected {row.Region ?? "none"}, got {read.Region ?? "none"}");
                if (row.Region is not null)
                {
                    named++;
                    if (read.Region == row.Region) namedOk++;
                }
            }
            scores.Add(new LanguageScore(group.Key, count, intentOk, regionOk, named, namedOk));
        }
        return new IntentEvaluationReport(scores, misses);
    }

    private static string Explain(IntentMatcher matcher, IntentCatalog catalog, string text) =>
        string.Join("; ", matcher.MatchTokens(catalog.Words.Tokens(text)).Take(3).Select(m => $"{m.Intent} {m.Score} '{m.Phrase}'"));

    private static string Predict(IntentMatcher matcher, IntentCatalog catalog, LabelledMessage row, MessageSlots read)
    {
        // As the engine's router does: on equal scores an answer to the question being asked (a need at the need
        // question) comes first.
        var matches = matcher.MatchTokens(catalog.Words.Tokens(row.Text))
            .Select(m => (m.Score, Label: Label(m.Intent)))
            .Where(m => m.Label is not null)
            .OrderByDescending(m => Math.Round(m.Score, 1))
            .ThenBy(m => row.Context == "asked_need" && m.Label!.StartsWith("need_", StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(m => m.Score)
            .ToList();
        var strong = matches.Any(m => m.Score >= StrongScore);
        if (row.Context == "asked_age" && read.AgeBand is not null && !strong) return IntentCatalog.AgeOnly;
        // As the engine: a region beside no word understood (or only approximately) is region_only; at the region
        // question, only a clear request beside it is not.
        if (read.Region is not null && row.Context == "asked_region")
            return matches.Count > 0 && matches[0].Score >= Runtime.DialogEngine.AlsoAskedScore ? matches[0].Label! : IntentCatalog.RegionOnly;
        if (read.Region is not null && !matches.Any(m => m.Score >= Runtime.DialogEngine.RegionOnlyScore))
            return IntentCatalog.RegionOnly;
        if (matches.Count > 0) return matches[0].Label!;
        return read.AgeBand is not null ? IntentCatalog.AgeOnly : NothingUnderstood;
    }
}
