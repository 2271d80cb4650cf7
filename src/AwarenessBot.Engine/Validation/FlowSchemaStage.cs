using System.Text.Json;
using System.Text.RegularExpressions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Loading;
using Json.Schema;
using YamlDotNet.Core;
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
        if (!File.Exists(schemaPath))
        {
            issues.Add(new ValidationIssue(ValidationSeverity.Error, "schema-missing", schemaPath, 1, null, null, "The flow schema is missing."));
            return flows;
        }
        // A registry per load: the global one refuses a second schema with the same $id (reloads, tests, the CLI).
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        foreach (var path in Directory.EnumerateFiles(dialogsDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = DisplayPath(path);
            if (LoadOne(path, file, schema, issues) is { } flow) flows.Add(flow);
        }
        return flows;
    }

    public static string DisplayPath(string path) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) + "/" + Path.GetFileName(path);

    private static FlowDefinition? LoadOne(string path, string file, JsonSchema schema, List<ValidationIssue> issues)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path)) stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                issues.Add(new ValidationIssue(ValidationSeverity.Error, "schema", file, 1, null, null, "A flow file must be a YAML mapping."));
                return null;
            }
            root = map;
        }
        catch (YamlException e)
        {
            issues.Add(new ValidationIssue(ValidationSeverity.Error, "yaml-syntax", file, (int)e.Start.Line, null, null, e.Message));
            return null;
        }
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var json = YamlJson.Convert(root, lines);
        var element = JsonSerializer.SerializeToElement(json);
        var result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (result.IsValid) return FlowReader.Read(root, file);

        var flowId = root.GetString("id");
        var found = new List<(string Pointer, string Keyword, string Message)>();
        CollectFailures(result, found);
        // oneOf/allOf/if repeat what their branches said: keep the specific messages when there are any.
        var specific = found.Where(f => f.Keyword is not ("oneOf" or "anyOf" or "allOf" or "$ref" or "if" or "then" or "not")).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pointer, _, message) in specific.Count > 0 ? specific : found)
        {
            if (!seen.Add(pointer + message)) continue;
            issues.Add(new ValidationIssue(ValidationSeverity.Error, "schema", file, YamlJson.LineFor(lines, pointer),
                flowId, StepAt(root, pointer), $"{(pointer.Length == 0 ? "/" : pointer)}: {message}"));
        }
        if (!issues.Exists(i => i.File == file))
            issues.Add(new ValidationIssue(ValidationSeverity.Error, "schema", file, 1, flowId, null, "Does not match the flow schema."));
        return null;
    }

    /// <summary>Only failures on a failing path: a failed "if", "not" or oneOf branch under a passing parent is no error.</summary>
    private static void CollectFailures(EvaluationResults node, List<(string Pointer, string Keyword, string Message)> found)
    {
        if (node.IsValid) return;
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            found.Add((node.InstanceLocation.ToString(), keyword, message));
        foreach (var child in node.Details ?? []) CollectFailures(child, found);
    }

    private static string? StepAt(YamlMappingNode root, string pointer)
    {
        var match = StepPointer().Match(pointer);
        if (!match.Success) return null;
        var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return root.GetSeq("steps").ElementAtOrDefault(index) is YamlMappingNode step ? step.GetString("id") : null;
    }

    [GeneratedRegex("^/steps/([0-9]+)")]
    private static partial Regex StepPointer();
}
