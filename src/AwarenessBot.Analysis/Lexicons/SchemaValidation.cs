using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AwarenessBot.Analysis.Lexicons;

/// <summary>Validates a seed document against its JSON Schema and describes each error with the entry it belongs to.</summary>
internal static class SchemaValidation
{
    public static JsonSchema LoadSchema(string path) =>
        JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static IEnumerable<string> Validate(JsonSchema schema, JsonNode? document, string fileLabel)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var results = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            yield break;
        }

        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }

            var location = detail.InstanceLocation.ToString();
            foreach (var error in detail.Errors)
            {
                yield return $"{fileLabel}: {DescribeEntry(document, location)}{(location.Length == 0 ? "/" : location)}: {error.Value}";
            }
        }
    }

    /// <summary>"rules[3] (id 'en.danger.locked_in') " for a location inside a list entry that has an id.</summary>
    private static string DescribeEntry(JsonNode? document, string location)
    {
        var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !int.TryParse(parts[1], out var index) || document?[parts[0]] is not JsonArray list || index >= list.Count)
        {
            return string.Empty;
        }

        var id = list[index] is JsonObject entry && entry["id"] is JsonValue value ? value.ToString() : "?";
        return $"{parts[0]}[{index}] (id '{id}') at ";
    }
}
