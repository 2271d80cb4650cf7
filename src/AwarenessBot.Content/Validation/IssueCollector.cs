using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Validation;

/// <summary>Collects issues during one validation pass; rules never throw, they add here.</summary>
internal sealed class IssueCollector
{
    private readonly List<ValidationIssue> _issues = [];

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public int ErrorCount => _issues.Count(i => i.Severity == IssueSeverity.Error);

    public void Error(string file, int? line, string? itemId, string? locale, string message) =>
        _issues.Add(new ValidationIssue(IssueSeverity.Error, file, line, itemId, locale, message));

    public void Warning(string file, int? line, string? itemId, string? locale, string message) =>
        _issues.Add(new ValidationIssue(IssueSeverity.Warning, file, line, itemId, locale, message));

    public void Error(SourceDocument document, string pointer, string? itemId, string? locale, string message) =>
        Error(document.RelativePath, document.LineOf(pointer), itemId, locale, message);

    public void Warning(SourceDocument document, string pointer, string? itemId, string? locale, string message) =>
        Warning(document.RelativePath, document.LineOf(pointer), itemId, locale, message);

    /// <summary>Adds another collector's issues after these (work done in parallel is merged back in a fixed order).</summary>
    public void Append(IssueCollector other) => _issues.AddRange(other._issues);

    public ValidationReport ToReport() => new(_issues.ToList());
}
