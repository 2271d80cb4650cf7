using System.Globalization;
using System.Text;
using System.Text.Json;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Local;

namespace AwarenessBot.Analysis.Evaluation;

/// <summary>One labelled line of a triage corpus (seeds/corpus/triage/*.jsonl).</summary>
public sealed record LabelledMessage(string Lang, string Label, string Text);

/// <summary>Per-category recall and precision, and the false-alarm rate on "none", overall and per language.</summary>
public sealed class TriageEvaluation
{
    public const string None = "none";

    private readonly List<(LabelledMessage Line, RiskSignal? Answer, IReadOnlyList<RiskCategory> Beside)> _results = [];

    public static IReadOnlyList<LabelledMessage> Read(string path)
    {
        var lines = new List<LabelledMessage>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var label = root.TryGetProperty("label", out var l) ? l.GetString()! : root.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).FirstOrDefault() ?? None;
            lines.Add(new LabelledMessage(root.GetProperty("lang").GetString()!, label, root.GetProperty("text").GetString()!));
        }

        return lines;
    }

    public static TriageEvaluation Run(LocalTextAnalyzer analyzer, IEnumerable<LabelledMessage> lines)
    {
        var evaluation = new TriageEvaluation();
        foreach (var line in lines)
        {
            var analysis = analyzer.Analyze(line.Text);
            evaluation._results.Add((line, analysis.Strongest, analysis.Beside));
        }

        return evaluation;
    }

    public IEnumerable<(LabelledMessage Line, RiskSignal? Answer)> Misses =>
        _results.Where(r => Answered(r.Answer) != r.Line.Label).Select(r => (r.Line, r.Answer));

    /// <summary>
    /// Per rule id (or "model"): how many lines it answered, by their label. A frame whose answers carry another
    /// label than its category more often than its own is named for the wrong risk.
    /// </summary>
    public IEnumerable<(string Rule, string Answered, IReadOnlyDictionary<string, int> ByLabel)> ByRule =>
        _results.Where(r => r.Answer is not null)
            .GroupBy(r => (Rule: r.Answer!.RuleId ?? "model", Answered: Answered(r.Answer)))
            .OrderByDescending(g => g.Count())
            .Select(g => (g.Key.Rule, g.Key.Answered,
                (IReadOnlyDictionary<string, int>)g.GroupBy(r => r.Line.Label).ToDictionary(l => l.Key, l => l.Count(), StringComparer.Ordinal)));

    public static IReadOnlyList<string> Categories { get; } = [.. Enum.GetValues<RiskCategory>().Select(c => c.ToWireName())];

    public int Count(string? lang = null) => Select(lang).Count();

    /// <summary>Share of lines labelled <paramref name="category"/> answered for that category (crisis reply or check-in).</summary>
    public double Recall(string category, string? lang = null) =>
        Ratio(Select(lang).Where(r => r.Line.Label == category), r => Answered(r.Answer) == category);

    /// <summary>
    /// Share of lines labelled <paramref name="category"/> whose answer names its lines: answered for it, or with it
    /// raised beside the answer (<see cref="TextAnalysis.Beside"/>).
    /// </summary>
    public double NamedRecall(string category, string? lang = null) =>
        Ratio(Select(lang).Where(r => r.Line.Label == category),
            r => Answered(r.Answer) == category || r.Beside.Any(c => c.ToWireName() == category));

    /// <summary>
    /// Share of crisis answers (high tier; the check-in lists every line already) that also name lines of a category
    /// the line is not about: the cost of <see cref="NamedRecall"/>.
    /// </summary>
    public double BesideOffLabelRate(string? lang = null) =>
        Ratio(Select(lang).Where(r => r.Answer is { Severity: RiskSeverity.High }), r => r.Beside.Any(c => c.ToWireName() != r.Line.Label));

    public double Precision(string category, string? lang = null) =>
        Ratio(Select(lang).Where(r => Answered(r.Answer) == category), r => r.Line.Label == category);

    /// <summary>Share of harmless lines that got a crisis reply or a check-in.</summary>
    public double FalseAlarmRate(string? lang = null) =>
        Ratio(Select(lang).Where(r => r.Line.Label == None), r => r.Answer is not null);

    public string Report()
    {
        var text = new StringBuilder();
        var langs = _results.Select(r => r.Line.Lang).Distinct().Order(StringComparer.Ordinal).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"",-28}{"all",8}{string.Concat(langs.Select(l => $"{l,8}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"lines",-28}{Count(),8}{string.Concat(langs.Select(l => $"{Count(l),8}"))}");
        foreach (var category in Categories)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{category + " recall",-28}{F(Recall(category)),8}{string.Concat(langs.Select(l => $"{F(Recall(category, l)),8}"))}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{category + " named",-28}{F(NamedRecall(category)),8}{string.Concat(langs.Select(l => $"{F(NamedRecall(category, l)),8}"))}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{category + " precision",-28}{F(Precision(category)),8}{string.Concat(langs.Select(l => $"{F(Precision(category, l)),8}"))}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{"crisis answers + other lines",-28}{F(BesideOffLabelRate()),8}{string.Concat(langs.Select(l => $"{F(BesideOffLabelRate(l)),8}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"none false-alarm rate",-28}{F(FalseAlarmRate()),8}{string.Concat(langs.Select(l => $"{F(FalseAlarmRate(l)),8}"))}");
        return text.ToString();
    }

    private static string Answered(RiskSignal? answer) => answer?.Category.ToWireName() ?? None;

    private IEnumerable<(LabelledMessage Line, RiskSignal? Answer, IReadOnlyList<RiskCategory> Beside)> Select(string? lang) =>
        lang is null ? _results : _results.Where(r => r.Line.Lang == lang);

    private static double Ratio<T>(IEnumerable<T> items, Func<T, bool> hit)
    {
        var all = items.ToList();
        return all.Count == 0 ? double.NaN : all.Count(hit) / (double)all.Count;
    }

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
