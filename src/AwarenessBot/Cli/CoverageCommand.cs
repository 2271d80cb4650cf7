using AwarenessBot.Content.Services;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>coverage [--write]</c>: the service directory's region × need matrix (regional entries / national only /
/// fallback) as Markdown; with <c>--write</c> also into <c>seeds/services/COVERAGE.md</c>.
/// </summary>
internal static class CoverageCommand
{
    public const string FileName = "COVERAGE.md";

    public static int Run(string[] args, TextWriter output)
    {
        var paths = CliPaths.Resolve();
        var markdown = ServiceCoverage.FromSeeds(paths.Seeds).ToMarkdown();
        output.Write(markdown);
        if (args.Contains("--write", StringComparer.Ordinal))
        {
            var file = Path.Combine(paths.Seeds, "services", FileName);
            File.WriteAllText(file, markdown);
            output.WriteLine($"written: {file}");
        }

        return 0;
    }
}
