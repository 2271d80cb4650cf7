using System.Text.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Content.Loading;
using Json.Schema;

namespace AwarenessBot.Content.Validation;

/// <summary>
/// Stage one: the shape of each file, checked against a JSON Schema (draft 2020-12) from seeds/schema/.
/// Every failing keyword becomes one issue with the file and the line of the offending node.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly JsonSchema _schema;
    // Most files are valid: a flag-only pass is much cheaper; the detailed list is built only for invalid files.
    private readonly EvaluationOptions _quick = new() { OutputFormat = OutputFormat.Flag };
    private readonly EvaluationOptions _detailed = new() { OutputFormat = OutputFormat.List };

    private SchemaValidator(JsonSchema schema) => _schema = schema;

    public static SchemaValidator FromFile(string schemaPath)
    {
        var text = File.ReadAllText(schemaPath);
        // A private registry per build: the same $id may be built again on hot reload or in parallel tests.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return new SchemaValidator(JsonSchema.FromText(text, options));
    }

    /// <summary>Adds one error per failing keyword; returns true when the document has the right shape.</summary>
    public bool Validate(SourceDocument document, string? itemId, IssueCollector issues)
    {
        var element = document.Root is null
            ? JsonSerializer.SerializeToElement<JsonNode?>(null)
            : JsonSerializer.SerializeToElement(document.Root);
        if (_schema.Evaluate(element, _quick).IsValid)
        {
            return true;
        }

        var result = _schema.Evaluate(element, _detailed);

        var reported = 0;
        foreach (var detail in Flatten(result))
        {
            if (detail.Errors is null || detail.Errors.Count == 0)
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors)
            {
                if (IsNoise(keyword))
                {
                    continue;
                }

                var where = pointer.Length == 0 ? "(root)" : pointer;
                issues.Error(document, pointer, itemId, null, $"schema: {where}: {message}");
                reported++;
            }
        }

        if (reported == 0)
        {
            issues.Error(document, string.Empty, itemId, null, "schema: the file does not match its schema");
        }

        return false;
    }

    // "anyOf"/"oneOf"/"$ref" summaries repeat what the nested keywords already say.
    private static bool IsNoise(string keyword) => keyword is "$ref";

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults result)
    {
        yield return result;
        if (result.Details is null)
        {
            yield break;
        }

        foreach (var detail in result.Details)
        {
            foreach (var nested in Flatten(detail))
            {
                yield return nested;
            }
        }
    }
}
