using System.Text.Json;
using AwarenessBot.Content.Validation;
using YamlDotNet.Core;

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

    private SeedFile(string fullPath, string itemId, SourceDocument? document)
    {
        FullPath = fullPath;
        ItemId = itemId;
        Document = document;
    }

    public string FullPath { get; }

    public IssueCollector Issues { get; } = new();

    public SourceDocument? Document { get; }

    /// <summary>The item id for issues: the document's id when it has one, otherwise the file name.</summary>
    public string ItemId { get; }

    /// <summary>Reads the file and its YAML; a file that cannot be read or parsed has no document (its issue is recorded).</summary>
    public static SeedFile Parse(SeedPaths paths, string file)
    {
        var display = paths.Display(file);
        var idFromName = Path.GetFileNameWithoutExtension(file);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            return Failed(file, idFromName, f => f.Issues.Error(display, null, idFromName, null, "cannot read the file: " + ex.Message));
        }

        var headerMissing = !text.StartsWith(SeedPaths.SchemaHeader, StringComparison.Ordinal);
        void ReportHeader(SeedFile f)
        {
            if (headerMissing)
            {
                f.Issues.Error(display, 1, idFromName, null, $"the first line must be '{SeedPaths.SchemaHeader}<path to the schema>'");
            }
        }

        SourceDocument document;
        try
        {
            document = YamlDocumentReader.Read(display, text);
        }
        catch (YamlException ex)
        {
            return Failed(file, idFromName, f =>
            {
                ReportHeader(f);
                f.Issues.Error(display, (int)ex.Start.Line, idFromName, null, "YAML: " + (ex.InnerException?.Message ?? ex.Message));
            });
        }

        var itemId = document.Root?["id"] is { } idNode && idNode.GetValueKind() == JsonValueKind.String ? idNode.GetValue<string>() : idFromName;
        var parsed = new SeedFile(file, itemId, document);
        ReportHeader(parsed);
        return parsed;
    }

    /// <summary>Checks the shape and deserializes; null when the file was unreadable, has no schema, or does not match it.</summary>
    public T? Definition<T>(SchemaValidator? schema)
        where T : class
    {
        if (Document is null || schema is null || !schema.Validate(Document, ItemId, Issues))
        {
            return null;
        }

        return Document.Root.Deserialize<T>(Json);
    }

    private static SeedFile Failed(string file, string itemId, Action<SeedFile> report)
    {
        var failed = new SeedFile(file, itemId, null);
        report(failed);
        return failed;
    }
}
