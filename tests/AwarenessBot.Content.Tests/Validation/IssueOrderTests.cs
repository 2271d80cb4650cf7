using AwarenessBot.Content.Validation;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Tests.Validation;

/// <summary>Files are parsed and rules run in parallel; the report must still come out in one fixed order.</summary>
public sealed class IssueOrderTests
{
    [Fact]
    public void Issues_come_in_the_same_order_on_every_load()
    {
        using var seeds = SeedsFolder.CreateValid("no_header", "service_schema", "missing_fr", "readability", "unsourced_url", "explicit_term");
        var first = Describe(ContentValidator.ValidateFolder(seeds.Path));
        Assert.True(first.Count >= 5, "the overlays should produce several issues");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first, Describe(ContentValidator.ValidateFolder(seeds.Path)));
        }
    }

    [Fact]
    public void Schema_stage_issues_follow_file_order_content_before_services()
    {
        using var seeds = SeedsFolder.CreateValid("no_header", "service_schema");
        var files = ContentValidator.ValidateFolder(seeds.Path).Errors.Select(e => e.File).ToList();
        var firstService = files.FindIndex(f => f.StartsWith("seeds/services/", StringComparison.Ordinal));
        var lastContent = files.FindLastIndex(f => f.StartsWith("seeds/content/", StringComparison.Ordinal));
        Assert.True(firstService >= 0 && lastContent >= 0, "both overlays should report an error");
        Assert.True(lastContent < firstService, string.Join(", ", files));
    }

    private static List<string> Describe(ValidationReport report) => report.Issues.Select(i => i.ToString()).ToList();
}
