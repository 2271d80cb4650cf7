using System.Globalization;
using System.Text;

namespace AwarenessBot.Analysis.Model.Training;

/// <summary>Precision and recall of one risk class at one tier (an alert = the class's own score reaching the tier).</summary>
public readonly record struct ClassFigures(TriageClass Class, int Support, double CheckInPrecision, double CheckInRecall, double HighPrecision, double HighRecall);

/// <summary>For one language: lines, recall of the risk lines at check-in or above, and the none false-alarm rate.</summary>
public readonly record struct LanguageFigures(string Language, int Lines, double RiskRecall, double NoneFalseAlarm);

/// <summary>The model's figures on a labelled split (development during training; never used to tune the test split).</summary>
public sealed record TriageEvaluation(
    int Lines,
    IReadOnlyList<ClassFigures> Classes,
    double NoneFalseAlarmCheckIn,
    double NoneFalseAlarmHigh,
    double AnyRiskRecallCheckIn,
    IReadOnlyList<LanguageFigures> Languages)
{
    public static TriageEvaluation Evaluate(TriageModel model, IReadOnlyList<ScoredLine> lines)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lines);
        var predictions = lines.Select(l => model.Predict(l.Normalized)).ToArray();
        var classes = new List<ClassFigures>();
        foreach (var risk in TriageClasses.Risks)
        {
            var support = lines.Count(l => l.Label == risk);
            classes.Add(new ClassFigures(
                risk,
                support,
                Precision(lines, predictions, risk, TriageSeverity.CheckIn),
                Recall(lines, predictions, risk, TriageSeverity.CheckIn),
                Precision(lines, predictions, risk, TriageSeverity.High),
                Recall(lines, predictions, risk, TriageSeverity.High)));
        }

        var languages = lines.Select(l => l.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(language =>
        {
            var indices = Enumerable.Range(0, lines.Count).Where(i => lines[i].Language == language).ToArray();
            var risky = indices.Where(i => lines[i].Label != TriageClass.None).ToArray();
            var none = indices.Where(i => lines[i].Label == TriageClass.None).ToArray();
            return new LanguageFigures(
                language,
                indices.Length,
                Ratio(risky.Count(i => predictions[i].SeverityOf(lines[i].Label) >= TriageSeverity.CheckIn), risky.Length),
                Ratio(none.Count(i => predictions[i].Severity >= TriageSeverity.CheckIn), none.Length));
        }).ToList();

        var noneLines = Enumerable.Range(0, lines.Count).Where(i => lines[i].Label == TriageClass.None).ToArray();
        var riskLines = Enumerable.Range(0, lines.Count).Where(i => lines[i].Label != TriageClass.None).ToArray();
        return new TriageEvaluation(
            lines.Count,
            classes,
            Ratio(noneLines.Count(i => predictions[i].Severity >= TriageSeverity.CheckIn), noneLines.Length),
            Ratio(noneLines.Count(i => predictions[i].Severity >= TriageSeverity.High), noneLines.Length),
            Ratio(riskLines.Count(i => predictions[i].Severity >= TriageSeverity.CheckIn), riskLines.Length),
            languages);
    }

    /// <summary>A fixed-width table for the console and notes (invariant culture).</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"{"class",-27} {"n",4}  {"check_in P",10} {"R",6}  {"high P",7} {"R",6}");
        foreach (var c in Classes)
        {
            text.AppendLine(culture, $"{TriageClasses.Name(c.Class),-27} {c.Support,4}  {c.CheckInPrecision,10:0.000} {c.CheckInRecall,6:0.000}  {c.HighPrecision,7:0.000} {c.HighRecall,6:0.000}");
        }

        text.AppendLine(culture, $"none false alarms: {NoneFalseAlarmCheckIn:0.000} at check_in or above, {NoneFalseAlarmHigh:0.000} at high ({Lines} lines)");
        text.AppendLine(culture, $"risk lines reaching check_in in any class (the check-in offers every kind of help): {AnyRiskRecallCheckIn:0.000}");
        foreach (var l in Languages)
        {
            text.AppendLine(culture, $"  {l.Language}: {l.Lines,4} lines, risk recall (own class, check_in+) {l.RiskRecall:0.000}, none false alarms {l.NoneFalseAlarm:0.000}");
        }

        return text.ToString();
    }

    private static double Precision(IReadOnlyList<ScoredLine> lines, TriagePrediction[] predictions, TriageClass risk, TriageSeverity tier)
    {
        var alerts = Enumerable.Range(0, lines.Count).Where(i => predictions[i].SeverityOf(risk) >= tier).ToArray();
        return Ratio(alerts.Count(i => lines[i].Label == risk), alerts.Length);
    }

    private static double Recall(IReadOnlyList<ScoredLine> lines, TriagePrediction[] predictions, TriageClass risk, TriageSeverity tier)
    {
        var positives = Enumerable.Range(0, lines.Count).Where(i => lines[i].Label == risk).ToArray();
        return Ratio(positives.Count(i => predictions[i].SeverityOf(risk) >= tier), positives.Length);
    }

    private static double Ratio(int count, int total) => total == 0 ? double.NaN : (double)count / total;
}
