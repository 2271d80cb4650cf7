using System.Globalization;
using System.Text;
using System.Text.Json;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Tests.Support;
using Xunit.Abstractions;

namespace AwarenessBot.Analysis.Tests.Evaluation;

/// <summary>
/// Precision and recall of the local analyzer on a labelled set written apart from the lexicons (paraphrased, with
/// typos, SMS spelling, mixed languages, negations, figurative speech and benign mentions).
/// Floors (chosen for a safety triage where a miss is worse than a gentle false alarm):
///   recall ≥ 0.95 for immediate_danger and self_harm; ≥ 0.85 for child_sexual_exploitation and labour_exploitation;
///   precision ≥ 0.85 over all categories (micro-averaged).
/// </summary>
public sealed class EvaluationSetTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, double> RecallFloors = new()
    {
        ["immediate_danger"] = 0.95,
        ["self_harm"] = 0.95,
        ["child_sexual_exploitation"] = 0.85,
        ["labour_exploitation"] = 0.85,
    };

    private const double OverallPrecisionFloor = 0.85;

    private static readonly Dictionary<string, double> Holdout2RecallFloors = new()
    {
        ["immediate_danger"] = 0.95,
        ["self_harm"] = 0.9,
        ["child_sexual_exploitation"] = 0.95,
        ["labour_exploitation"] = 0.7,
    };

    private const double Holdout2PrecisionFloor = 0.97;

    [Fact]
    public void Local_analyzer_meets_recall_and_precision_floors_on_the_evaluation_set()
    {
        var items = Load("eval-set.jsonl");
        Assert.True(items.Count >= 550, $"the evaluation set needs at least 550 messages, has {items.Count}");

        var (byCategory, overall) = Score(items);

        foreach (var (category, floor) in RecallFloors)
        {
            Assert.True(byCategory[category].Recall >= floor, $"{category} recall {byCategory[category].Recall:F3} < {floor}");
        }

        Assert.True(overall.Precision >= OverallPrecisionFloor, $"overall precision {overall.Precision:F3} < {OverallPrecisionFloor}");
    }

    /// <summary>
    /// holdout-2.jsonl: 95 messages (59 crises across the four categories in en/fr/es/tl with typos, SMS spelling and
    /// Taglish; 36 tricky no-signal messages: negations, figurative speech, school reports, benign documents and money)
    /// written and committed (cf14aec, 09:42 UTC) BEFORE the 2026-11-28 tuning round and never used to tune; failures
    /// are not listed so nobody tunes to its lines. Caveat: the same author wrote it and then tuned, so treat the
    /// after-figures as optimistic. (The first held-out set was merged into eval-set.jsonl for that round.)
    ///   Baseline (lexicons before the round):  recall immediate_danger 0.667, self_harm 0.643,
    ///     child_sexual_exploitation 0.750, labour_exploitation 0.706; overall recall 0.683, precision 0.891;
    ///     no-signal messages flagged 3 of 36.
    ///   After the round:  recall immediate_danger 0.952, self_harm 0.929, child_sexual_exploitation 1.000,
    ///     labour_exploitation 0.706; overall recall 0.883, precision 0.981; no-signal messages flagged 0 of 36.
    /// The floors sit just under the after-figures (one more miss or false alarm fails): regression guards, not
    /// targets. When this set is used for tuning, merge it into eval-set.jsonl and write holdout-3 first.
    /// </summary>
    [Fact]
    public void Local_analyzer_generalises_to_the_second_held_out_set()
    {
        var (byCategory, overall) = Score(Load("holdout-2.jsonl"), listFailures: false);

        foreach (var (category, floor) in Holdout2RecallFloors)
        {
            Assert.True(byCategory[category].Recall >= floor, $"{category} held-out-2 recall {byCategory[category].Recall:F3} < {floor}");
        }

        Assert.True(overall.Precision >= Holdout2PrecisionFloor, $"held-out-2 precision {overall.Precision:F3} < {Holdout2PrecisionFloor}");

        // The no-signal class guards figurative speech and benign mentions (0 of 36 flagged after the round).
        var quietFlagged = Load("holdout-2.jsonl").Count(i => i.Labels.Length == 0 && Seeds.Analyzer.Analyze(i.Text).Signals.Count > 0);
        Assert.True(quietFlagged <= 1, $"{quietFlagged} no-signal held-out-2 messages raised a signal");
    }

    private (Dictionary<string, Counts> ByCategory, Counts Overall) Score(List<EvaluationItem> items, bool listFailures = true)
    {
        var byCategory = RecallFloors.Keys.ToDictionary(c => c, _ => new Counts());
        var byLanguage = items.Select(i => i.Lang).Distinct().ToDictionary(l => l, _ => new Counts());
        var overall = new Counts();
        var failures = new List<string>();
        var quietFlagged = 0;
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var predicted = Seeds.Analyzer.Analyze(item.Text).Signals.Select(s => s.Category.ToWireName()).ToHashSet();
            quietFlagged += item.Labels.Length == 0 && predicted.Count > 0 ? 1 : 0;
            foreach (var category in RecallFloors.Keys)
            {
                var expected = item.Labels.Contains(category);
                var got = predicted.Contains(category);
                byCategory[category].Add(expected, got);
                byLanguage[item.Lang].Add(expected, got);
                overall.Add(expected, got);
                if (expected != got)
                {
                    // Line numbers only: the set is test data, but the habit of not echoing messages stays.
                    failures.Add($"line {index + 1} ({item.Lang}): {(expected ? "missed" : "false alarm")} {category}");
                }
            }
        }

        output.WriteLine(Table(byCategory, byLanguage, overall, items.Count));
        output.WriteLine($"no-signal messages flagged: {quietFlagged} of {items.Count(i => i.Labels.Length == 0)}");
        foreach (var failure in listFailures ? failures : [])
        {
            output.WriteLine(failure);
        }

        return (byCategory, overall);
    }

    private static string Table(Dictionary<string, Counts> byCategory, Dictionary<string, Counts> byLanguage, Counts overall, int messages)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{messages} messages");
        table.AppendLine("group                        TP   FP   FN  precision  recall");
        foreach (var (name, counts) in byCategory.Select(p => (p.Key, p.Value)).Concat(byLanguage.Select(p => ("lang " + p.Key, p.Value))).Append(("overall", overall)))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{name,-27} {counts.TruePositives,4} {counts.FalsePositives,4} {counts.FalseNegatives,4}  {counts.Precision,9:F3}  {counts.Recall,6:F3}");
        }

        return table.ToString();
    }

    internal static List<EvaluationItem> Load(string file = "eval-set.jsonl")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Evaluation", file);
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<EvaluationItem>(l, options)!)];
    }

    internal sealed record EvaluationItem(string Lang, string[] Labels, string Text);

    private sealed class Counts
    {
        public int TruePositives { get; private set; }

        public int FalsePositives { get; private set; }

        public int FalseNegatives { get; private set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public void Add(bool expected, bool got)
        {
            if (expected && got)
            {
                TruePositives++;
            }
            else if (got)
            {
                FalsePositives++;
            }
            else if (expected)
            {
                FalseNegatives++;
            }
        }
    }
}
