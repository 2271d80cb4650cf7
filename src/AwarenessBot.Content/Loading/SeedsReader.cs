using System.Text.Json;
using AwarenessBot.Content.Validation;
using YamlDotNet.Core;

namespace AwarenessBot.Content.Loading;

/// <summary>
/// Stage one of loading: read every YAML file under seeds/, check the schema header and the shape, and turn the
/// files that pass into definitions. Files that fail are reported and left out (the meaning stage skips them).
/// </summary>
internal static class SeedsReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static LoadedSeeds Read(SeedPaths paths, IssueCollector issues)
    {
        if (!Directory.Exists(paths.Root))
        {
            issues.Error(paths.Root, null, null, null, "the seeds folder does not exist");
            return new LoadedSeeds(paths.Root, [], [], new Dictionary<string, IReadOnlyList<string>>());
        }

        var contentSchema = LoadSchema(paths, paths.ContentSchema, issues);
        var serviceSchema = LoadSchema(paths, paths.ServiceSchema, issues);
        var items = new List<LoadedItem>();
        foreach (var file in paths.ContentFiles())
        {
            if (ReadOne<ContentItemDefinition>(paths, file, contentSchema, issues) is { } item)
            {
                items.Add(new LoadedItem(item.Definition, item.Document));
            }
        }

        var services = new List<LoadedService>();
        foreach (var file in paths.ServiceFiles())
        {
            if (ReadOne<ServiceDefinition>(paths, file, serviceSchema, issues) is { } service)
            {
                var folder = Path.GetFileName(Path.GetDirectoryName(file)) ?? string.Empty;
                services.Add(new LoadedService(service.Definition, service.Document, folder));
            }
        }

        return new LoadedSeeds(paths.Root, items, services, ExplicitTermsLoader.Load(paths, issues));
    }

    private static SchemaValidator? LoadSchema(SeedPaths paths, string schemaPath, IssueCollector issues)
    {
        if (!File.Exists(schemaPath))
        {
            issues.Error(paths.Display(schemaPath), null, null, null, "schema file is missing");
            return null;
        }

        try
        {
            return SchemaValidator.FromFile(schemaPath);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            issues.Error(paths.Display(schemaPath), null, null, null, "schema cannot be built: " + ex.Message);
            return null;
        }
    }

    private static (T Definition, SourceDocument Document)? ReadOne<T>(SeedPaths paths, string file, SchemaValidator? schema, IssueCollector issues)
        where T : class
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
            issues.Error(display, null, idFromName, null, "cannot read the file: " + ex.Message);
            return null;
        }

        if (!text.StartsWith(SeedPaths.SchemaHeader, StringComparison.Ordinal))
        {
            issues.Error(display, 1, idFromName, null, $"the first line must be '{SeedPaths.SchemaHeader}<path to the schema>'");
        }

        SourceDocument document;
        try
        {
            document = YamlDocumentReader.Read(display, text);
        }
        catch (YamlException ex)
        {
            issues.Error(display, (int)ex.Start.Line, idFromName, null, "YAML: " + (ex.InnerException?.Message ?? ex.Message));
            return null;
        }

        var itemId = document.Root?["id"] is { } idNode && idNode.GetValueKind() == JsonValueKind.String ? idNode.GetValue<string>() : idFromName;
        if (schema is null || !schema.Validate(document, itemId, issues))
        {
            return null;
        }

        var definition = document.Root.Deserialize<T>(Json);
        return definition is null ? null : (definition, document);
    }
}
