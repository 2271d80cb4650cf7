namespace AwarenessBot.Content.Tests;

/// <summary>Where the repository, the real seeds and the test fixtures are, found from the test binary upwards.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string RealSeeds => Path.Combine(RepoRoot, "seeds");

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "AwarenessBot.Content.Tests", "Fixtures");

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
