using System.Text;

namespace AwarenessBot.Content.Validation;

/// <summary>Every error and warning found in one pass over seeds/. Valid when there is no error.</summary>
public sealed class ValidationReport(IReadOnlyList<ValidationIssue> issues)
{
    public IReadOnlyList<ValidationIssue> Issues { get; } = issues;

    public IReadOnlyList<ValidationIssue> Errors { get; } = issues.Where(i => i.Severity == IssueSeverity.Error).ToList();

    public IReadOnlyList<ValidationIssue> Warnings { get; } = issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();

    public bool IsValid => Errors.Count == 0;

    /// <summary>One issue per line (errors first), then a count line. Suitable for a console or a test failure.</summary>
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
}
