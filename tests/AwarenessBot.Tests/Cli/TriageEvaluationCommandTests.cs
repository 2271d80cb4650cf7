using AwarenessBot.Cli;

namespace AwarenessBot.Tests.Cli;

/// <summary>
/// eval-triage: the per-rule table says which labels each rule's answers carried (a frame named for the wrong risk
/// shows there), and neither it nor the misses are shown for a frozen test split.
/// </summary>
public sealed class TriageEvaluationCommandTests
{
    private const string Lines = """
        {"lang":"en","label":"self_harm","text":"i want to kill myself tonight, i have the pills here","tags":[]}
        {"lang":"en","label":"none","text":"what time does the library open on sunday","tags":[]}
        """;

    [Fact]
    public async Task By_rule_lists_each_answering_rule_with_the_labels_of_its_lines()
    {
        var output = await RunAsync("split.jsonl", "--by-rule");
        var row = Assert.Single(output.Split('\n'), l => l.Contains(" → ", StringComparison.Ordinal));
        Assert.Contains("self_harm", row, StringComparison.Ordinal);
        Assert.EndsWith("self_harm 1", row.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by-rule")]
    [InlineData("--misses")]
    public async Task A_frozen_test_split_shows_neither_rules_nor_misses(string option)
    {
        var output = await RunAsync("test.jsonl", option);
        Assert.StartsWith("refused:", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" → ", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string name, string option)
    {
        var folder = Directory.CreateTempSubdirectory("triage-eval-");
        try
        {
            var file = Path.Combine(folder.FullName, name);
            await File.WriteAllTextAsync(file, Lines);
            using var writer = new StringWriter();
            await CommandLine.RunAsync(["eval-triage", file, option], writer);
            return writer.ToString();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
