using AwarenessBot.Content.Validation;
using Xunit.Abstractions;

namespace AwarenessBot.Content.Tests.Validation;

/// <summary>The same validator the host runs, over the real seeds/ folder. Failures list every error with file and line.</summary>
public sealed class RealSeedsTests(ITestOutputHelper output)
{
    [Fact]
    public void Real_seeds_are_valid()
    {
        // The load time is measured in bench/Micro (ContentLoadBenchmarks), not here.
        var report = ContentValidator.ValidateFolder(TestPaths.RealSeeds);
        output.WriteLine(report.ToPrintable());
        Assert.True(report.IsValid, report.ToPrintable());
    }

    [Fact]
    public void Real_services_are_valid()
    {
        var report = ContentValidator.ValidateFolder(TestPaths.RealSeeds);
        var serviceErrors = report.Errors.Where(e => e.File.StartsWith("seeds/services", StringComparison.Ordinal) || e.File.StartsWith("seeds/schema", StringComparison.Ordinal)).ToList();
        Assert.True(serviceErrors.Count == 0, string.Join(Environment.NewLine, serviceErrors));
    }
}
