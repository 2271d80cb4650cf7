namespace AwarenessBot.Engine.Tests.Fakes;

/// <summary>The repository's data folders, found by walking up from the test binaries to the folder with dialogs/.</summary>
internal static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");
    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Intents => Path.Combine(Seeds, "intents");
    public static string SystemContent => Path.Combine(Seeds, "content", "system");
    public static string TestData(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "dialogs", "schema"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Could not find the repository root (a folder with dialogs/schema).");
    }
}
