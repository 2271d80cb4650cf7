using AwarenessBot.Analysis.Local;

namespace AwarenessBot.Analysis.Tests.Support;

/// <summary>The repository's real seeds folder, and one analyzer built from it for the whole test run.</summary>
internal static class Seeds
{
    public static string Directory { get; } = FindSeeds();

    private static readonly Lazy<LocalTextAnalyzer> SharedAnalyzer = new(() => LocalTextAnalyzer.FromSeeds(Directory!));

    public static LocalTextAnalyzer Analyzer => SharedAnalyzer.Value;

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "lexicons", "risk")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("seeds/lexicons/risk not found above the test output folder");
    }
}
