namespace AwarenessBot.DataFiles.Tests;

public sealed class ValidationReportTests
{
    [Fact]
    public void Issues_come_once_sorted_by_file_and_line_errors_before_warnings_when_printed()
    {
        var report = new ValidationReport(
        [
            ValidationIssue.Error("schema", "seeds/b.yaml", 3, "b", "late"),
            ValidationIssue.Warning("unused", "dialogs/a.yaml", 9, "a", "unused"),
            ValidationIssue.Error("yaml", "dialogs/a.yaml", 2, null, "broken"),
            ValidationIssue.Error("schema", "seeds/b.yaml", 3, "b", "late"),
        ]);

        Assert.False(report.IsValid);
        Assert.Equal(["dialogs/a.yaml:2", "dialogs/a.yaml:9", "seeds/b.yaml:3"], report.Issues.Select(i => $"{i.File}:{i.Line}"));
        Assert.Equal(
            "dialogs/a.yaml:2: error [yaml] broken\nseeds/b.yaml:3: error [schema] b: late\ndialogs/a.yaml:9: warning [unused] a: unused\n2 error(s), 1 warning(s)",
            report.ToPrintable().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Subject_and_locale_are_printed_together() =>
        Assert.Equal(
            "seeds/content/x.yaml:16: error [message-length] x/fr: too long",
            ValidationIssue.Error("message-length", "seeds/content/x.yaml", 16, "x", "too long", locale: "fr").ToString());
}
