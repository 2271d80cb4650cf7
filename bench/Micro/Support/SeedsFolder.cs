using System.Reflection;

namespace Micro.Support;

/// <summary>The repository's real seeds/ and dialogs/ folders (found from the build's RepoRoot, else by walking up).</summary>
internal static class SeedsFolder
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Dialogs => Path.Combine(Root, "dialogs");

    private static string FindRoot()
    {
        var built = typeof(SeedsFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (built is { Length: > 0 } && Directory.Exists(Path.Combine(built, "seeds")))
        {
            return Path.GetFullPath(built);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository's seeds/ folder.");
    }
}
