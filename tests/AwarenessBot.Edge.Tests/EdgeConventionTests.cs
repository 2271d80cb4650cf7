using System.Text.RegularExpressions;

namespace AwarenessBot.Edge.Tests;

/// <summary>
/// A move to the Microsoft 365 Agents SDK is planned from docs/edge.md, so its list of the .cs files under src/ that
/// use the Bot Framework SDK (a using directive or a fully qualified <c>Microsoft.Bot.*</c> name; comments are not
/// read) must stay exactly true: using the SDK in a new file, or no longer using it, fails here until the page says
/// so and why. And only the host and the edge project may use it at all.
/// </summary>
public sealed partial class EdgeConventionTests
{
    private const string Page = "docs/edge.md";
    private const string ListHeading = "## Files that import the Bot Framework SDK";
    private static readonly string[] EdgeProjects = ["src/AwarenessBot/", "src/AwarenessBot.Edge/"];

    [Fact]
    public void Docs_edge_md_lists_exactly_the_files_that_use_the_bot_framework_sdk()
    {
        var inSource = FilesUsingTheSdk();
        var listed = ListedFiles().Keys.ToHashSet(StringComparer.Ordinal);

        var unlisted = inSource.Except(listed).Order(StringComparer.Ordinal).ToList();
        var noLongerUsing = listed.Except(inSource).Order(StringComparer.Ordinal).ToList();

        Assert.True(
            unlisted.Count == 0 && noLongerUsing.Count == 0,
            $"Update the list in {Page} (what a move to the Microsoft 365 Agents SDK touches):\n"
            + string.Concat(unlisted.Select(f => $"  uses Microsoft.Bot but is not listed (add it and say why it needs the SDK): {f}\n"))
            + string.Concat(noLongerUsing.Select(f => $"  listed but no longer uses Microsoft.Bot (remove it, or it was moved or deleted): {f}\n")));
    }

    [Fact]
    public void Every_listed_file_says_why_it_needs_the_sdk_and_is_listed_once()
    {
        var rows = ListedRows();

        Assert.Empty(rows.Where(r => r.Why.Length < 10).Select(r => $"{r.File}: no reason given"));
        Assert.Empty(rows.GroupBy(r => r.File, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key}: listed twice"));
    }

    [Fact]
    public void Only_the_host_and_the_edge_project_use_the_sdk()
    {
        var outside = FilesUsingTheSdk().Where(f => !EdgeProjects.Any(p => f.StartsWith(p, StringComparison.Ordinal))).Order(StringComparer.Ordinal);
        var importers = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("BotFramework.props", StringComparison.Ordinal))
            .Select(Relative)
            .Where(f => !EdgeProjects.Any(p => f.StartsWith(p, StringComparison.Ordinal)));

        Assert.True(!outside.Any(), "Bot Framework types belong to the edge (src/AwarenessBot, src/AwarenessBot.Edge); give the library its own types:\n" + string.Join("\n", outside));
        Assert.Empty(importers);
    }

    [Fact]
    public void Storage_and_analytics_serialise_with_system_text_json_only()
    {
        var offenders = SourceFiles()
            .Where(f => f.StartsWith("src/AwarenessBot.Storage/", StringComparison.Ordinal) || f.StartsWith("src/AwarenessBot.Analytics/", StringComparison.Ordinal))
            .Where(f => CodeLines(File.ReadAllText(Path.Combine(Root, f))).Any(l => l.Contains("Newtonsoft", StringComparison.Ordinal)));

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("using Microsoft.Bot.Builder;", true)]
    [InlineData("global using Microsoft.Bot.Schema;", true)]
    [InlineData("using Schema = Microsoft.Bot.Schema;", true)]
    [InlineData("internal sealed class M : Microsoft.Bot.Builder.IMiddleware", true)]
    [InlineData("// Unlike Microsoft.Bot.Builder's MemoryStorage, this keeps no type names.", false)]
    [InlineData("/// <summary>Not Microsoft.Bot.Schema's Activity.</summary>", false)]
    [InlineData("using Microsoft.Extensions.Logging;", false)]
    public void The_convention_sees_using_directives_and_full_names_but_not_comments(string line, bool uses)
    {
        Assert.Equal(uses, UsesTheSdk(line));
    }

    private static string Root { get; } = FindRoot();

    private static HashSet<string> FilesUsingTheSdk() =>
        SourceFiles().Where(f => UsesTheSdk(File.ReadAllText(Path.Combine(Root, f)))).ToHashSet(StringComparer.Ordinal);

    private static bool UsesTheSdk(string source) => CodeLines(source).Any(l => SdkName().IsMatch(l));

    private static IEnumerable<string> CodeLines(string source) => source
        .Split('\n')
        .Select(l => l.Trim())
        .Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith('*') && !l.StartsWith("/*", StringComparison.Ordinal));

    private static Dictionary<string, string> ListedFiles() =>
        ListedRows().GroupBy(r => r.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Why, StringComparer.Ordinal);

    /// <summary>The table rows (<c>| `src/…cs` | why |</c>) between the list's heading and the next heading of its level.</summary>
    private static List<(string File, string Why)> ListedRows()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, Page));
        var start = Array.IndexOf(lines, ListHeading);
        Assert.True(start >= 0, $"{Page} has no heading '{ListHeading}'");
        return lines
            .Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim()))
            .ToList();
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/node_modules/", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwarenessBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (the folder with AwarenessBot.sln).");
    }

    // A Microsoft.Bot namespace or type in code: "using Microsoft.Bot.Builder;", "Microsoft.Bot.Builder.IMiddleware".
    [GeneratedRegex(@"(?<![\w.])Microsoft\.Bot\.[A-Z]")]
    private static partial Regex SdkName();

    [GeneratedRegex(@"^\|\s*`(src/[^`]+\.cs)`\s*\|(.*)\|\s*$")]
    private static partial Regex Row();
}
