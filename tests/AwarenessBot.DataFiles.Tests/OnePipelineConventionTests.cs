namespace AwarenessBot.DataFiles.Tests;

/// <summary>
/// The data-file machinery exists once: no project parses YAML for reading, builds a JSON Schema or declares an issue
/// type of its own. The translation editor is the one exception: it rewrites YAML files, it does not read data.
/// </summary>
public sealed class OnePipelineConventionTests
{
    private static readonly string[] Allowed = ["AwarenessBot.DataFiles/", "AwarenessBot.Content/Translation/ItemEditor.cs"];

    [Theory]
    [InlineData("new YamlStream(", "YamlReader.Read / TryRead")]
    [InlineData("JsonSchema.FromText(", "SchemaChecker.FromText / TryFromFile")]
    [InlineData("record ValidationIssue(", "AwarenessBot.DataFiles.ValidationIssue")]
    [InlineData("class ValidationReport", "AwarenessBot.DataFiles.ValidationReport")]
    public void Only_the_data_files_project_has_it(string pattern, string useInstead)
    {
        var src = Path.Combine(FindRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => !Allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .Where(f => File.ReadAllText(Path.Combine(src, f)).Contains(pattern, StringComparison.Ordinal))
            .ToList();
        Assert.True(offenders.Count == 0, $"Use {useInstead} instead of '{pattern}' in: {string.Join(", ", offenders)}");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwarenessBot.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Could not find the repository root (the folder with AwarenessBot.sln).");
    }
}
