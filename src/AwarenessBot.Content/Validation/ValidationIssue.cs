using System.Globalization;
using System.Text;

namespace AwarenessBot.Content.Validation;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found in seeds/. File is relative to the repository root (or to the seeds folder's parent);
/// Line is 1-based when known. Printed as "file:line: [id/locale] message".
/// </summary>
public sealed record ValidationIssue(
    IssueSeverity Severity,
    string File,
    int? Line,
    string? ItemId,
    string? Locale,
    string Message)
{
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line is { } line)
        {
            text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(": ");
        if (Severity == IssueSeverity.Warning)
        {
            text.Append("warning: ");
        }

        if (ItemId is not null)
        {
            text.Append('[').Append(ItemId);
            if (Locale is not null)
            {
                text.Append('/').Append(Locale);
            }

            text.Append("] ");
        }

        return text.Append(Message).ToString();
    }
}
