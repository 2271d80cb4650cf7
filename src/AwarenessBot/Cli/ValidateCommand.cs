using AwarenessBot.Engine.Snapshots;
using AwarenessBot.Hosting;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>validate</c>: the whole data pipeline the bot runs at start-up and on every reload — catalog, content and
/// services, intents, flows, triage. Every stage runs; every issue is printed once, sorted (file:line first); the exit
/// code says whether the data can ship.
/// </summary>
internal static class ValidateCommand
{
    public static int Run(string[] args, TextWriter output) => Run(CliPaths.Resolve(), output);

    public static int Run(RepositoryPaths paths, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"== validate {paths.Seeds} and {paths.Dialogs}");
        var triage = new TriageDataCheck();
        var (report, snapshot) = DataPipeline.Load(paths.Dialogs, paths.Seeds, [triage.Check], TimeProvider.System.GetUtcNow());
        output.WriteLine(report.ToPrintable());
        if (snapshot is not null)
        {
            output.WriteLine($"loaded: {snapshot.FlowCount} flows, {snapshot.Content.ItemCount} content items, {snapshot.Content.ServiceCount} services");
        }

        output.WriteLine(report.IsValid && snapshot is not null ? "validate: OK" : $"validate: {Math.Max(1, report.Errors.Count)} error(s)");
        return report.IsValid && snapshot is not null ? 0 : 1;
    }
}
