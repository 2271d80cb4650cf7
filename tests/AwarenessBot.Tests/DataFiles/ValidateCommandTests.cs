using System.Text.RegularExpressions;
using AwarenessBot.Cli;
using AwarenessBot.Hosting;
using AwarenessBot.Testing.Data;
using AwarenessBot.Tests.DirectLine;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.DataFiles;

/// <summary>
/// <c>validate</c> on a deliberately broken copy of the real data: one error in each stage (catalog, content schema,
/// service meaning, intents YAML, flow meaning, triage lexicon), all listed in one run, each once, sorted.
/// </summary>
public sealed partial class ValidateCommandTests : IDisposable
{
    private readonly DataFolderCopy _data = new(RepositoryFolders.Root);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void The_real_data_is_valid()
    {
        var (exit, output) = Validate(new RepositoryPaths(Path.Combine(RepositoryFolders.Root, "seeds"), Path.Combine(RepositoryFolders.Root, "dialogs")));
        Assert.True(exit == 0, output);
        Assert.Contains("validate: OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_copy_lists_every_error_of_every_stage_at_once()
    {
        var paths = new RepositoryPaths(_data.Seeds, _data.Dialogs);
        _data.Edit("seeds/catalog.yaml", "fallback_locale: en", "fallback_locale: en  # edited without a rebuild");
        _data.Edit("seeds/content/system/system_help.yaml", "  status: draft", "  status: drafty");
        _data.Edit("seeds/services/pe/pe_child_protection.yaml", "time_zone: America/Halifax", "time_zone: America/Nowhere");
        _data.Edit("seeds/intents/fr.yaml", "intents:\n", "intents:\n  menu:\n    phrases: [menu copié]\n");
        _data.Edit("dialogs/main_menu.yaml", "next: go_worker_rights", "next: go_nowhere");
        _data.Edit("seeds/triage/concepts/en.yaml", "  SELF: [i, me,", "  SELF: [i, me,, [");

        var (exit, output) = Validate(paths);

        Assert.Equal(1, exit);
        var expected = new (string File, string Rule)[]
        {
            ("dialogs/main_menu.yaml", "unknown-target"),
            ("seeds/catalog.yaml", "catalog"),
            ("seeds/content/system/system_help.yaml", "schema"),
            ("seeds/intents/fr.yaml", "yaml"),
            ("seeds/services/pe/pe_child_protection.yaml", "service"),
            ("seeds/triage/concepts/en.yaml", "triage"),
        };
        var errors = output.Split('\n').Where(l => IssueLine().IsMatch(l)).ToList();
        foreach (var (file, rule) in expected)
        {
            Assert.True(errors.Exists(l => l.StartsWith(file + ":", StringComparison.Ordinal) && l.Contains($"error [{rule}]", StringComparison.Ordinal)),
                $"no [{rule}] error in {file}:\n{output}");
        }

        Assert.Equal(errors.Distinct().Count(), errors.Count);
        Assert.Equal(errors.Order(StringComparer.Ordinal).Select(File), errors.Select(File));
        Assert.Contains($"validate: {errors.Count} error(s)", output, StringComparison.Ordinal);
    }

    private static string File(string line) => line[..line.IndexOf(':', StringComparison.Ordinal)];

    private static (int Exit, string Output) Validate(RepositoryPaths paths)
    {
        using var output = new StringWriter();
        var exit = ValidateCommand.Run(paths, output);
        return (exit, output.ToString().ReplaceLineEndings("\n"));
    }

    [GeneratedRegex(@"^[^\s:]+(:\d+)?: error \[")]
    private static partial Regex IssueLine();
}
