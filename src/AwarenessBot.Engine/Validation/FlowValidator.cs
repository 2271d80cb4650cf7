using AwarenessBot.Content.Abstractions;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Validation;

/// <summary>
/// Validates dialogs/ in two stages — schema (shape), then meaning (targets, reachability, content, locales,
/// services, intents) — and reports every finding at once. The same check runs at start-up, as a command and as a test.
/// </summary>
public static class FlowValidator
{
    /// <param name="dialogsDirectory">The folder with the flow files and schema/flow.schema.json.</param>
    /// <param name="content">When given, content ids and their locales are checked.</param>
    /// <param name="services">When given, service needs and ids are checked.</param>
    /// <param name="intentsDirectory">seeds/intents; by default ../seeds/intents next to the dialogs folder when it exists.</param>
    public static ValidationReport Validate(
        string dialogsDirectory,
        IContentRepository? content = null,
        IServiceDirectory? services = null,
        string? intentsDirectory = null) =>
        Run(dialogsDirectory, content, services, intentsDirectory).Report;

    internal static (ValidationReport Report, IReadOnlyList<FlowDefinition> Flows) Run(
        string dialogsDirectory,
        IContentRepository? content,
        IServiceDirectory? services,
        string? intentsDirectory,
        IReadOnlySet<string>? intentNames = null)
    {
        var issues = new List<ValidationIssue>();
        if (!Directory.Exists(dialogsDirectory))
        {
            issues.Add(ValidationIssue.Error("missing-folder", dialogsDirectory, null, null, "The dialogs folder does not exist."));
            return (new ValidationReport(issues), []);
        }
        var flows = FlowSchemaStage.Load(dialogsDirectory, issues);
        intentsDirectory ??= Path.Combine(dialogsDirectory, "..", "seeds", "intents");
        // The pipeline passes the names its intents stage already read (the intents files were read four times a load).
        var intents = intentNames ?? IntentNames(intentsDirectory);
        new FlowMeaningStage(flows, content, services, intents, issues).Run();
        return (new ValidationReport(issues), flows);
    }

    /// <summary>The intents flows may name; null (not checked) when the folder is missing or broken — the pipeline's intents stage reports that.</summary>
    private static HashSet<string>? IntentNames(string intentsDirectory)
    {
        if (!Directory.Exists(intentsDirectory)) return null;
        try
        {
            return IntentCatalog.Load(intentsDirectory).Intents.ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is InvalidDataException or YamlDotNet.Core.YamlException or InvalidCastException or IOException)
        {
            return null;
        }
    }
}
