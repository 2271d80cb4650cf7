using System.Text;
using LoadGenerator.Hosting;

namespace LoadGenerator.Reporting;

/// <summary>Prints a Markdown report and keeps a copy under bench/results/ (latest and dated).</summary>
internal static class ReportWriter
{
    public static string Publish(string markdown, string name, string? explicitPath)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
        var path = explicitPath ?? Path.Combine(RepoLayout.ResultsDirectory, $"{name}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, markdown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Console.WriteLine($"Written to {Path.GetFullPath(path)}");
        return path;
    }
}
