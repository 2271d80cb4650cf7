using AwarenessBot.Analysis.Local;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Content.Validation;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>validate</c>: content and services, then flows and intents against them, then the triage rules and model. Every error of
/// every stage is printed (file:line first) before the exit code says whether the data can ship.
/// </summary>
internal static class ValidateCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var paths = CliPaths.Resolve();
        var content = ContentValidator.ValidateFolder(paths.Seeds);
        output.WriteLine($"== content and services ({paths.Seeds})");
        output.WriteLine(content.ToPrintable());

        var errors = content.Errors.Count;
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
}
