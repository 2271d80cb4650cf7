using AwarenessBot.DataFiles;

namespace AwarenessBot.Engine.Validation;

/// <summary>Thrown at start-up when the data is not valid; the message lists every error of every stage.</summary>
public sealed class FlowValidationException : Exception
{
    public FlowValidationException(ValidationReport report)
        : base("The data files are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, report?.Errors ?? []))
    {
        Report = report ?? ValidationReport.Empty;
    }

    public FlowValidationException() : this(ValidationReport.Empty) { }

    public FlowValidationException(string message) : base(message) => Report = ValidationReport.Empty;

    public FlowValidationException(string message, Exception inner) : base(message, inner) => Report = ValidationReport.Empty;

    public ValidationReport Report { get; }
}
