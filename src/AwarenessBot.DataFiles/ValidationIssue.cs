using System.Globalization;
using System.Text;

namespace AwarenessBot.DataFiles;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One finding in a data file, from any stage (YAML, schema, meaning) of any file kind. <see cref="File"/> is relative
/// to the repository ("seeds/content/x.yaml", "dialogs/welcome.yaml"); <see cref="Line"/> is 1-based when known;
/// <see cref="Subject"/> names what is wrong inside the file (a content id, "flow/step", an intent). Printed as
/// "file:line: error [rule] subject/locale: message", which editors and CI logs turn into links.
/// </summary>
public sealed record ValidationIssue(
    IssueSeverity Severity,
    string Rule,
    string File,
    int? Line,
    string? Subject,
    string? Locale,
    string Message)
{
    public static ValidationIssue Error(string rule, string file, int? line, string? subject, string message, string? locale = null) =>
        new(IssueSeverity.Error, rule, file, line, subject, locale, message);

    public static ValidationIssue Warning(string rule, string file, int? line, string? subject, string message, string? locale = null) =>
        new(IssueSeverity.Warning, rule, file, line, subject, locale, message);

    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line is { } line)
        {
            text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(Severity == IssueSeverity.Error ? ": error [" : ": warning [").Append(Rule).Append("] ");
        if (Subject is not null || Locale is not null)
        {
            text.Append(Subject);
            if (Locale is not null)
            {
                text.Append(Subject is null ? string.Empty : "/").Append(Locale);
            }

            text.Append(": ");
        }

        return text.Append(Message).ToString();
    }
}
