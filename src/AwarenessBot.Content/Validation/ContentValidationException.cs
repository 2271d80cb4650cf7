using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Validation;

/// <summary>Thrown once at start-up when seeds/ has errors; carries all of them (files, lines, ids).</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException()
        : this(new ValidationReport([]))
    {
    }

    public ContentValidationException(string message)
        : base(message)
    {
        Report = new ValidationReport([]);
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Report = new ValidationReport([]);
    }

    public ContentValidationException(ValidationReport report)
        : base("Content seeds are invalid:" + Environment.NewLine + report.ToPrintable())
    {
        Report = report;
    }

    public ValidationReport Report { get; }

    public IReadOnlyList<ValidationIssue> Errors => Report.Errors;
}
