using AwarenessBot.Analysis.Local;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Content.Validation;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>validate</c>: the vocabulary catalog, content and services, then flows and intents against them, then the triage rules and model. Every error of
/// every stage is printed (file:line first) before the exit code says whether the data can ship.
/// </summary>
internal static class ValidateCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var paths = CliPaths.Resolve();
        var errors = ValidateCatalog(paths.Seeds, output);
        var content = ContentValidator.ValidateFolder(paths.Seeds);
        output.WriteLine($"== content and services ({paths.Seeds})");
        output.WriteLine(content.ToPrintable());

        errors += content.Errors.Count;
        if (content.IsValid)
        {
            using var provider = new ServiceCollection().AddContentRepository(paths.Seeds).BuildServiceProvider();
            var flows = FlowValidator.Validate(
                paths.Dialogs,
                provider.GetRequiredService<IContentRepository>(),
                provider.GetRequiredService<IServiceDirectory>());
            output.WriteLine($"== flows and intents ({paths.Dialogs})");
            output.WriteLine(flows.Issues.Count == 0 ? "no errors, no warnings" : flows.ToString());
            errors += flows.Errors.Count();
        }
        else
        {
            output.WriteLine("== flows and intents: not checked until the content is valid (flows refer to it)");
        }

        output.WriteLine("== triage rules and model");
        try
        {
            var analyzer = LocalTextAnalyzer.FromSeeds(paths.Seeds);
            output.WriteLine($"loaded: {analyzer.RuleCount} frames, {analyzer.PatternCount} concept entries, model {(analyzer.HasModel ? "loaded" : "MISSING")}");
            if (!analyzer.HasModel)
            {
                errors++;
            }
        }
#pragma warning disable CA1031 // A broken lexicon is reported like any other validation error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            output.WriteLine(exception.Message);
            errors++;
        }

        output.WriteLine(errors == 0 ? "validate: OK" : $"validate: {errors} error(s)");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>The seeds folder's catalog.yaml reads cleanly and is the one this build carries (C# reads the embedded copy).</summary>
    private static int ValidateCatalog(string seeds, TextWriter output)
    {
        var path = Path.Combine(seeds, CatalogLoader.FileName);
        output.WriteLine($"== vocabulary catalog ({path})");
        if (!File.Exists(path))
        {
            output.WriteLine($"{path}: missing");
            return 1;
        }

        try
        {
            var catalog = CatalogLoader.Load(path);
            if (File.ReadAllText(path).ReplaceLineEndings("\n") != CatalogLoader.EmbeddedText().ReplaceLineEndings("\n"))
            {
                output.WriteLine($"{path}: differs from the catalog this build carries; rebuild so that the code reads it");
                return 1;
            }

            output.WriteLine($"no errors ({catalog.Locales.Count} locales, {catalog.Regions.Count} regions, {catalog.Needs.Count} needs)");
            return 0;
        }
        catch (CatalogException exception)
        {
            foreach (var error in exception.Errors) output.WriteLine(error);
            return exception.Errors.Count;
        }
    }
}
