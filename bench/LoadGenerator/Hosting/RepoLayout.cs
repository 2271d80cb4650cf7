using System.Reflection;

namespace LoadGenerator.Hosting;

/// <summary>Where the repository and the two hosts' built DLLs are (the generator is built with them, same configuration).</summary>
internal static class RepoLayout
{
    public static string Root { get; } = Metadata("RepoRoot") is { Length: > 0 } root ? Path.GetFullPath(root) : FindRoot();

    public static string Configuration { get; } = Metadata("Configuration") ?? "Release";

    public static string ProductDll => Path.Combine(Root, "src", "AwarenessBot", "bin", Configuration, "net10.0", "AwarenessBot.dll");

    public static string FloorDll => Path.Combine(Root, "bench", "EchoFloor", "bin", Configuration, "net10.0", "EchoFloor.dll");

    public static string ResultsDirectory => Path.Combine(Root, "bench", "results");

    private static string? Metadata(string key) => typeof(RepoLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == key)?.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
