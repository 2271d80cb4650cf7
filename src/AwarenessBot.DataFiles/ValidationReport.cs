using System.Text;

namespace AwarenessBot.DataFiles;

/// <summary>
/// Every finding of one validation run: each issue once, sorted by file, line, rule and text (so the output does not
/// depend on the order stages or threads ran in), errors before warnings when printed. Valid when there is no error.
/// </summary>
public sealed class ValidationReport
{
    public ValidationReport(IEnumerable<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Issues = issues.Distinct().Order(IssueOrder.Instance).ToList();
        Errors = Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        Warnings = Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
    }

    public static ValidationReport Empty { get; } = new([]);

    public IReadOnlyList<ValidationIssue> Issues { get; }

    public IReadOnlyList<ValidationIssue> Errors { get; }

    public IReadOnlyList<ValidationIssue> Warnings { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>This report's issues and another's, as one report.</summary>
    public ValidationReport With(IEnumerable<ValidationIssue> more) => new(Issues.Concat(more));

    /// <summary>One issue per line (errors first), then a count line. For a console or a test failure.</summary>
    public string ToPrintable()
    {
        var text = new StringBuilder();
        foreach (var issue in Errors.Concat(Warnings))
        {
            text.AppendLine(issue.ToString());
        }

        text.Append(Errors.Count).Append(" error(s), ").Append(Warnings.Count).Append(" warning(s)");
        return text.ToString();
    }

    public override string ToString() => ToPrintable();

    private sealed class IssueOrder : IComparer<ValidationIssue>
    {
        public static readonly IssueOrder Instance = new();

        public int Compare(ValidationIssue? x, ValidationIssue? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var order = string.CompareOrdinal(x.File, y.File);
            if (order == 0) order = (x.Line ?? 0).CompareTo(y.Line ?? 0);
            if (order == 0) order = x.Severity.CompareTo(y.Severity);
            if (order == 0) order = string.CompareOrdinal(x.Rule, y.Rule);
            if (order == 0) order = string.CompareOrdinal(x.Subject, y.Subject);
            if (order == 0) order = string.CompareOrdinal(x.Locale, y.Locale);
            return order == 0 ? string.CompareOrdinal(x.Message, y.Message) : order;
        }
    }
}
