using AwarenessBot.Engine.Tests.Fakes;

namespace AwarenessBot.Engine.Tests.Validation;

/// <summary>
/// The engine references the analysis library only for the shared message normaliser and stemmers (one normaliser
/// for triage and intents) and the n-gram classifier its intent model shares with triage: no other Analysis
/// namespace (no risk rules or cloud client), and never a Bot Framework type.
/// </summary>
public sealed class EngineDependencyTests
{
    private static readonly string[] Allowed = ["AwarenessBot.Analysis.Normalization", "AwarenessBot.Analysis.Stemming", "AwarenessBot.Analysis.Model", "AwarenessBot.Analysis.Model.Training"];

    [Fact]
    public void Engine_uses_only_the_normaliser_stemmers_and_classifier_of_the_analysis_library()
    {
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Root, "src", "AwarenessBot.Engine"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l.Trim(), i + 1)))
            {
                var analysis = line.StartsWith("using AwarenessBot.Analysis", StringComparison.Ordinal) && !Allowed.Any(a => line == $"using {a};");
                if (analysis || line.Contains("Microsoft.Bot", StringComparison.Ordinal))
                    offending.Add($"{Path.GetRelativePath(Paths.Root, file)}:{number}: {line}");
            }
        }
        Assert.True(offending.Count == 0, "Use only Analysis.Normalization, Analysis.Stemming and Analysis.Model in the engine:\n" + string.Join("\n", offending));
    }
}
