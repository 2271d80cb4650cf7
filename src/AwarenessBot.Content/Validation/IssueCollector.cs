using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Validation;

/// <summary>
/// Collects issues during one validation pass; rules never throw, they add here. Each collector carries the rule
/// name its issues are filed under (one collector per rule), so the rules themselves only say what is wrong.
/// </summary>
internal sealed class IssueCollector(string rule = "content")
{
    private readonly List<ValidationIssue> _issues = [];

    public string Rule { get; } = rule;

    /// <summary>The issues so far; also where the shared reader and schema checker add theirs.</summary>
    public ICollection<ValidationIssue> Sink => _issues;

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public int ErrorCount => _issues.Count(i => i.Severity == IssueSeverity.Error);

    public void Error(string file, int? line, string? itemId, string? locale, string message) =>
        _issues.Add(new ValidationIssue(IssueSeverity.Error, Rule, file, line, itemId, locale, message));

    public void Warning(string file, int? line, string? itemId, string? locale, string message) =>
        _issues.Add(new ValidationIssue(IssueSeverity.Warning, Rule, file, line, itemId, locale, message));

    public void Error(DataDocument document, string pointer, string? itemId, string? locale, string message) =>
        Error(document.File, document.LineOf(pointer), itemId, locale, message);

    public void Warning(DataDocument document, string pointer, string? itemId, string? locale, string message) =>
        Warning(document.File, document.LineOf(pointer), itemId, locale, message);

    /// <summary>Adds another collector's issues after these (work done in parallel is merged back in a fixed order).</summary>
    public void Append(IssueCollector other) => _issues.AddRange(other._issues);

    public ValidationReport ToReport() => new(_issues);
}
