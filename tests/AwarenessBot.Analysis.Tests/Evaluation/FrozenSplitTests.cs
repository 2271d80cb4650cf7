using AwarenessBot.Analysis.Evaluation;
using AwarenessBot.Analysis.Tests.Support;
using Xunit.Abstractions;

namespace AwarenessBot.Analysis.Tests.Evaluation;

/// <summary>
/// Triage on the frozen test split (seeds/corpus/triage/test.jsonl): written blind from shared/EVAL-BRIEF.md by
/// writers who never saw the rules, lexicons or training data, frozen before any tuning, never tuned on. The floors
/// are set a little under the measured figures so a regression fails; the targets (recall ≥ 0.95 / 0.90, false
/// alarms ≤ 0.05) are for the independent held-out set.
/// </summary>
public sealed class FrozenSplitTests(ITestOutputHelper output)
{
    private static readonly string[] Languages = ["en", "fr", "es", "tl"];

    private static readonly Lazy<TriageEvaluation> Result = new(() =>
        TriageEvaluation.Run(Seeds.Analyzer, TriageEvaluation.Read(Path.Combine(Seeds.Directory, "corpus", "triage", "test.jsonl"))));

    [Fact]
    public void The_split_is_the_size_the_issue_asks_for()
    {
        var lines = TriageEvaluation.Read(Path.Combine(Seeds.Directory, "corpus", "triage", "test.jsonl"));

        Assert.True(lines.Count >= 1000, $"{lines.Count} lines");
        Assert.True(lines.Count(l => l.Label == TriageEvaluation.None) >= 0.35 * lines.Count);
        foreach (var lang in Languages.Skip(1))
        {
            Assert.True(lines.Count(l => l.Lang == lang) >= 150, lang);
        }

        foreach (var category in TriageEvaluation.Categories)
        {
            Assert.All(Languages, lang => Assert.Contains(lines, l => l.Lang == lang && l.Label == category));
        }
    }

    [Theory]
    [MemberData(nameof(RecallFloors))]
    public void Recall_per_category_stays_above_its_floor(string category, double floor)
    {
        output.WriteLine(Result.Value.Report());

        Assert.True(Result.Value.Recall(category) >= floor, $"{category} recall {Result.Value.Recall(category):0.000} < {floor}");
    }

    [Fact]
    public void False_alarms_on_harmless_messages_stay_under_the_ceiling()
    {
        output.WriteLine(Result.Value.Report());

        Assert.True(Result.Value.FalseAlarmRate() <= FalseAlarmCeiling, $"false alarms {Result.Value.FalseAlarmRate():0.000}");
        foreach (var lang in Languages)
        {
            Assert.True(Result.Value.FalseAlarmRate(lang) <= FalseAlarmCeilingPerLanguage, $"{lang} false alarms {Result.Value.FalseAlarmRate(lang):0.000}");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("tl")]
    public void Every_language_keeps_its_recall_floor(string lang)
    {
        foreach (var category in TriageEvaluation.Categories)
        {
            Assert.True(Result.Value.Recall(category, lang) >= LanguageRecallFloor, $"{lang} {category} recall {Result.Value.Recall(category, lang):0.000}");
        }
    }

    public static TheoryData<string, double> RecallFloors => new()
    {
        // Measured on the frozen split: 0.978, 0.956, 0.956, 0.962 (false alarms 0.042; French self-harm and child sexual
        // exploitation 0.897) on 2026-12-06 (stop 25) after batches 15-17 and gates that soften the model to a check-in
        // instead of silencing it; 0.962, 0.923, 0.950, 0.956 (false alarms 0.044; Tagalog self-harm 0.897) on
        // 2026-12-06 (stop 24) after batch 14, killing oneself said of someone else read as self-harm and "he will kill
        // me" no longer hyperbole; 0.962, 0.912, 0.950, 0.962 (false alarms 0.044; the weakest, French and Tagalog
        // self-harm and French child sexual exploitation, 0.897) on 2026-12-06 (stop 23) once the model read the text
        // it was trained on and real words stopped being corrected into rule words; 0.934, 0.895, 0.928, 0.956 (0.049;
        // Spanish child sexual exploitation 0.872) earlier that day once gates stopped catching Tagalog words
        // ("palabas", "kanto", "lola", "ni") and game or school words no longer silenced the model. Before: 0.896,
        // 0.890, 0.917, 0.940 (0.049; Tagalog danger 0.725), 0.890, 0.890, 0.906, 0.907 (0.061), and 0.841, 0.851,
        // 0.856, 0.907 (0.078) on 2026-12-05.
        { "immediate_danger", 0.96 },
        { "self_harm", 0.94 },
        { "child_sexual_exploitation", 0.94 },
        { "labour_exploitation", 0.94 },
    };

    private const double FalseAlarmCeiling = 0.05;
    private const double FalseAlarmCeilingPerLanguage = 0.09;
    private const double LanguageRecallFloor = 0.87;
}
