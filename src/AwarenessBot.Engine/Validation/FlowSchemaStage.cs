using System.Text.RegularExpressions;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Validation;

/// <summary>Stage one: every file parses as YAML and matches dialogs/schema/flow.schema.json. Valid files become definitions.</summary>
internal static partial class FlowSchemaStage
{
    public const string SchemaRelativePath = "schema/flow.schema.json";

    public static List<FlowDefinition> Load(string dialogsDirectory, List<ValidationIssue> issues)
    {
        var flows = new List<FlowDefinition>();
        var schemaPath = Path.Combine(dialogsDirectory, SchemaRelativePath);
        if (SchemaChecker.TryFromFile(schemaPath, DisplayPath(schemaPath, 2), issues) is not { } schema)
        {
            return flows;
        }

        foreach (var path in Directory.EnumerateFiles(dialogsDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (LoadOne(path, DisplayPath(path), schema, issues) is { } flow) flows.Add(flow);
        }
        return flows;
    }

    /// <summary>"dialogs/welcome.yaml": the file with as many parent folders as it takes to name it in the repository.</summary>
    public static string DisplayPath(string path, int folders = 1)
    {
        var parts = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return string.Join('/', parts[^Math.Min(parts.Length, folders + 1)..]);
    }

    /// <summary>What an issue about a flow names: the flow, or "flow/step".</summary>
    public static string Subject(string? flow, string? step) => step is null ? flow ?? "" : $"{flow}/{step}";

    private static FlowDefinition? LoadOne(string path, string file, SchemaChecker schema, List<ValidationIssue> issues)
    {
        if (YamlReader.TryReadFile(path, file, issues) is not { } document) return null;
        if (document.Yaml is not YamlMappingNode root)
        {
            issues.Add(ValidationIssue.Error(SchemaChecker.Rule, file, 1, null, "A flow file must be a YAML mapping."));
            return null;
        }
        var flowId = root.GetString("id");
        return schema.Check(document, flowId, issues, pointer => StepAt(root, flowId, pointer)) ? FlowReader.Read(root, file) : null;
    }

    private static string? StepAt(YamlMappingNode root, string? flowId, string pointer)
    {
        var match = StepPointer().Match(pointer);
        if (!match.Success) return null;
        var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return root.GetSeq("steps").ElementAtOrDefault(index) is YamlMappingNode step && step.GetString("id") is { } id ? Subject(flowId, id) : null;
    }

    [GeneratedRegex("^/steps/([0-9]+)")]
    private static partial Regex StepPointer();
}
