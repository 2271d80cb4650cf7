namespace AwarenessBot.Tests.DirectLine;

internal static class RepositoryFolders
{
    /// <summary>src/AwarenessBot (content root: wwwroot with the page and the copied Web Chat bundle).</summary>
    public static string HostProject { get; } = Find();

    /// <summary>The repository root (the folder holding src/ and tests/).</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(HostProject, "..", ".."));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "AwarenessBot");
            if (File.Exists(Path.Combine(candidate, "AwarenessBot.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/AwarenessBot not found above " + AppContext.BaseDirectory);
    }
}
