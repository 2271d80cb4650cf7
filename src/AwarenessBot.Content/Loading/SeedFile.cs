using System.Text.Json;
using AwarenessBot.Content.Validation;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Loading;

/// <summary>
/// One seed file on its way through stage one. Parsing and the schema check are split so that files can be parsed
/// while the schemas are still being built; each file keeps its own issues so they can be merged in file order.
/// </summary>
internal sealed class SeedFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The rule of a file that does not start with its schema header.</summary>
    public const string HeaderRule = "schema-header";

    private SeedFile(string fullPath, string itemId, DataDocument? document)
    {
        FullPath = fullPath;
        ItemId = itemId;
        Document = document;
    }

    public string FullPath { get; }

    public IssueCollector Issues { get; } = new();

    public DataDocument? Document { get; }

    /// <summary>The item id for issues: the document's id when it has one, otherwise the file name.</summary>
    public string ItemId { get; }

    /// <summary>Reads the file and its YAML; a file that cannot be read or parsed has no document (its issue is recorded).</summary>
    public static SeedFile Parse(SeedPaths paths, string file)
    {
        var display = paths.Display(file);
        var idFromName = Path.GetFileNameWithoutExtension(file);
        var issues = new List<ValidationIssue>();
        string? text = null;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            issues.Add(ValidationIssue.Error(YamlReader.Rule, display, null, idFromName, "cannot read the file: " + ex.Message));
        }

        if (text is not null && !text.StartsWith(SeedPaths.SchemaHeader, StringComparison.Ordinal))
        {
            issues.Add(ValidationIssue.Error(HeaderRule, display, 1, idFromName, $"the first line must be '{SeedPaths.SchemaHeader}<path to the schema>'"));
        }

        // Content needs the JSON and the lines only: unchanged files come from the parsed-data snapshot.
        var document = text is null ? null : YamlReader.TryReadData(display, text, issues);
        var itemId = document?.Json?["id"] is { } idNode && idNode.GetValueKind() == JsonValueKind.String ? idNode.GetValue<string>() : idFromName;
        var parsed = new SeedFile(file, itemId, document);
        // The YAML issue has no subject yet (the reader does not know ids): name the file's item like every other issue.
        foreach (var issue in issues)
        {
            parsed.Issues.Sink.Add(issue.Subject is null ? issue with { Subject = idFromName } : issue);
        }

        return parsed;
    }

    /// <summary>Checks the shape and deserializes; null when the file was unreadable, has no schema, or does not match it.</summary>
    public T? Definition<T>(SchemaChecker? schema)
        where T : class
    {
        if (Document is null || schema is null || !schema.Check(Document, ItemId, Issues.Sink))
        {
            return null;
        }

        return Document.Json.Deserialize<T>(Json);
    }
}
