namespace AwarenessBot.Engine.Validation;

public enum ValidationSeverity
{
    Error,
    Warning,
}

/// <summary>One finding, naming where it is: "dialogs/welcome.yaml:12: error [unknown-target] flow 'welcome' step 'who': ...".</summary>
public sealed record ValidationIssue(
    ValidationSeverity Severity,
    string Rule,
    string File,
    int Line,
    string? Flow,
    string? Step,
    string Message)
{
    public override string ToString()
    {
        var where = Flow is null ? "" : Step is null ? $" flow '{Flow}':" : $" flow '{Flow}' step '{Step}':";
        var severity = Severity == ValidationSeverity.Error ? "error" : "warning";
        return $"{File}:{Line}: {severity} [{Rule}]{where} {Message}";
    }
}

/// <summary>Every finding of one validation run, errors and warnings together, reported once.</summary>
public sealed class ValidationReport(IReadOnlyList<ValidationIssue> issues)
{
    public IReadOnlyList<ValidationIssue> Issues { get; } = issues;

    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error);

    public IEnumerable<ValidationIssue> Warnings => Issues.Where(i => i.Severity == ValidationSeverity.Warning);

    public bool IsValid => !Errors.Any();

    public override string ToString() => string.Join(Environment.NewLine, Issues.Select(i => i.ToString()));
}

/// <summary>Thrown at start-up when the flows are not valid; the message lists every error.</summary>
public sealed class FlowValidationException : Exception
{
    public FlowValidationException(ValidationReport report)
        : base("The dialog flows are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, report.Errors))
    {
        Report = report;
    }

    public FlowValidationException() : this(new ValidationReport([])) { }

    public FlowValidationException(string message) : base(message) => Report = new ValidationReport([]);

    public FlowValidationException(string message, Exception inner) : base(message, inner) => Report = new ValidationReport([]);

    public ValidationReport Report { get; }
}
