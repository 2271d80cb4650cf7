using AwarenessBot.Analysis.Local;

namespace AwarenessBot.Analysis.Tests.Support;

/// <summary>The repository's real seeds folder, and one analyzer built from it for the whole test run.</summary>
internal static class Seeds
{
    public static string Directory { get; } = FindSeeds();

    private static readonly Lazy<LocalTextAnalyzer> SharedAnalyzer = new(() => LocalTextAnalyzer.FromSeeds(Directory!));

    public static LocalTextAnalyzer Analyzer => SharedAnalyzer.Value;

    private static readonly Lazy<Frames.TriageRules> SharedRules = new(() => Frames.TriageRulesLoader.Load(Directory!));

    /// <summary>The compiled triage rules (normaliser, concepts, frames) of the real seeds.</summary>
    public static Frames.TriageRules Rules => SharedRules.Value;

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "triage")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("seeds/triage not found above the test output folder");
    }
}
