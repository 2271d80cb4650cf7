using AwarenessBot.Content.Validation;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Engine.Understanding;
using AwarenessBot.Engine.Validation;
using YamlDotNet.Core;

namespace AwarenessBot.Engine.Snapshots;

/// <summary>
/// The one data-file pipeline: catalog, content and services, intents, flows, and the host's checks (triage). Every
/// stage runs even when an earlier one failed (a stage that needs another's result skips only those checks), and
/// all issues come back in one sorted report. The same call serves start-up, hot reload, <c>validate</c> and the tests.
/// </summary>
public static class DataPipeline
{
    public const string BuildRule = "build";

    /// <summary>Validates everything; the snapshot is null when there is any error.</summary>
    public static (ValidationReport Report, DataSnapshot? Snapshot) Load(
        string dialogsDirectory, string seedsDirectory, IEnumerable<DataCheck>? checks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seedsDirectory);
        // Independent stages run beside the content load, which dominates; flows need the content, so they follow it.
        // On threads of their own (LongRunning), not the pool's: each takes up to a second, and the host listens
        // during the load, so on two cores they held every pool thread and the first request waited for them.
        var intentsStage = Beside(() => DataStages.Intents(seedsDirectory));
        var side = new List<Task<IReadOnlyList<ValidationIssue>>>
        {
            Beside(() => (IReadOnlyList<ValidationIssue>)[.. DataStages.Catalog(seedsDirectory)]),
            intentsStage.ContinueWith(task => task.Result.Issues, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default),
        };
        side.AddRange((checks ?? []).Select(check => Beside(() => check(seedsDirectory))));
        var (contentReport, content) = ContentValidator.LoadContent(seedsDirectory, now);
        var intentsDirectory = Path.Combine(seedsDirectory, "intents");
        // Blocking is fine: loading is synchronous by contract (start-up, a reload timer, a command).
        var loadedIntents = intentsStage.GetAwaiter().GetResult();
        var (flowReport, flows) = FlowValidator.Run(dialogsDirectory, content?.Repository, content?.Services, intentsDirectory, loadedIntents.IntentNames);
        var issues = side.SelectMany(task => task.GetAwaiter().GetResult()).Concat(contentReport.Issues).Concat(flowReport.Issues).ToList();
        var report = new ValidationReport(issues);
        if (!report.IsValid || content is null) return (report, null);

        try
        {
            // The catalog, regions and slots as the intents stage built them (a valid report means it found no error).
            var intents = loadedIntents.Catalog ?? IntentCatalog.Load(intentsDirectory, MessageWords.Load(seedsDirectory));
            var regions = loadedIntents.Regions ?? RegionCatalog.Load(Path.Combine(intentsDirectory, "regions.yaml"));
            var slots = loadedIntents.Slots ?? SlotReader.Load(intentsDirectory, regions, intents.Languages.HyphenPrefixes);
            var engine = EngineFactory.Build(flows, intents, slots, content.Repository, content.Services,
                IntentModelOpinion.Load(seedsDirectory, intents));
            return (report, new DataSnapshot(content, engine, EngineFactory.LessonsOf(engine), flows.Count, now));
        }
        catch (Exception ex) when (ex is InvalidDataException or YamlException or IOException or FormatException)
        {
            // Validated data that still does not build (a truncated model file): the same report, one more error.
            return (report.With([ValidationIssue.Error(BuildRule, "seeds", null, null, ex.GetType().Name + ": " + ex.Message)]), null);
        }
    }

    private static Task<T> Beside<T>(Func<T> stage) =>
        Task.Factory.StartNew(stage, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
