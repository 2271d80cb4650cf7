using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwarenessBot.Catalog;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Runtime;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Engine.Tests.Validation;

/// <summary>Rules about the data files themselves: schemas documented, files pointing at them, no numbers or links typed.</summary>
public sealed partial class DataConventionTests
{
    [Theory]
    [InlineData("dialogs/schema/flow.schema.json")]
    [InlineData("seeds/schema/intents.schema.json")]
    [InlineData("seeds/schema/regions.schema.json")]
    [InlineData("seeds/schema/slots.schema.json")]
    public void Every_schema_property_has_a_title_and_a_description(string relative)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Root, relative)))!;
        var missing = new List<string>();
        Walk(schema, "#", missing);
        Assert.True(missing.Count == 0, "Without title or description: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_flow_schema_offers_exactly_the_service_facets_the_engine_answers()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Dialogs, "schema", "flow.schema.json")))!;
        var facets = schema["$defs"]!["step"]!["properties"]!["facet"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(AwarenessBot.Engine.Runtime.Steps.ServiceDetailsHandler.Facets, facets);
    }

    [Fact]
    public void Every_flow_asks_for_every_catalog_locale()
    {
        // Issue 12: a flow without `locales` asks only for the catalog's content_required: all locales (English and
        // French), so its buttons and items could lack Spanish or Tagalog and validation would pass.
        var (report, flows) = FlowValidator.Run(Paths.Dialogs, null, null, Paths.Intents);
        Assert.True(report.IsValid, report.ToString());
        var missing = flows.Where(f => !BotCatalog.Default.LocaleCodes.All(f.Locales.Contains))
            .Select(f => $"{f.Id}: [{string.Join(", ", f.Locales)}]").ToList();
        Assert.True(missing.Count == 0, "flows without every locale of seeds/catalog.yaml (add `locales:` with all of them):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_flow_file_points_at_its_schema_and_is_named_after_its_id()
    {
        foreach (var file in Directory.EnumerateFiles(Paths.Dialogs, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            Assert.StartsWith("# yaml-language-server: $schema=schema/flow.schema.json", text, StringComparison.Ordinal);
            Assert.Contains($"\nid: {Path.GetFileNameWithoutExtension(file)}\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_phone_number_or_link_is_typed_in_flows_or_system_content()
    {
        var files = Directory.EnumerateFiles(Paths.Dialogs, "*.yaml").Concat(Directory.EnumerateFiles(Paths.SystemContent, "*.yaml"));
        var offenders = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var inSources = false;
            for (var i = 0; i < lines.Length; i++)
            {
                // The top-level `sources:` block cites public pages by URL; everything the bot says is checked.
                if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && !lines[i].StartsWith('-')) inSources = lines[i].StartsWith("sources:", StringComparison.Ordinal);
                if (inSources) continue;
                var line = PlaceholderPattern().Replace(lines[i], "");
                if (line.TrimStart().StartsWith('#')) continue;
                if (PhonePattern().IsMatch(line) || line.Contains("http", StringComparison.OrdinalIgnoreCase) || line.Contains("www.", StringComparison.Ordinal))
                    offenders.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(offenders.Count == 0, "Use {service:<id>} or a services step instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_crisis_category_of_the_catalog_has_its_crisis_flow() =>
        Assert.All(BotCatalog.Default.CrisisCategories, category =>
            Assert.True(File.Exists(Path.Combine(Paths.Dialogs, FlowCatalog.CrisisPrefix + category + ".yaml")), $"no dialogs/{FlowCatalog.CrisisPrefix}{category}.yaml"));

    [Fact]
    public void System_content_is_draft_with_draft_translations()
    {
        foreach (var file in Directory.EnumerateFiles(Paths.SystemContent, "*.yaml"))
        {
            var text = File.ReadAllText(file);
            Assert.Contains("status: draft", text, StringComparison.Ordinal);
            Assert.DoesNotContain("reviewed_translation", text, StringComparison.Ordinal);
            Assert.Contains("topic: system", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en.yaml", "intents.schema.json")]
    [InlineData("fr.yaml", "intents.schema.json")]
    [InlineData("es.yaml", "intents.schema.json")]
    [InlineData("tl.yaml", "intents.schema.json")]
    [InlineData("regions.yaml", "regions.schema.json")]
    [InlineData("slots.yaml", "slots.schema.json")]
    public void Intent_and_region_files_match_their_schemas(string file, string schemaFile)
    {
        // The pipeline's own reader and checker, so this test and the bot agree on what a valid file is.
        var issues = new List<ValidationIssue>();
        var schema = SchemaChecker.TryFromFile(Path.Combine(Paths.Seeds, "schema", schemaFile), schemaFile, issues);
        var document = YamlReader.TryReadFile(Path.Combine(Paths.Intents, file), file, issues);
        if (schema is not null && document is not null) schema.Check(document, null, issues);
        Assert.True(issues.Count == 0, string.Join("\n", issues));
    }

    private static void Walk(JsonNode node, string path, List<string> missing)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties)
            {
                foreach (var (name, property) in properties)
                {
                    if (property is JsonObject p && (p["title"] is null || p["description"] is null)) missing.Add($"{path}/properties/{name}");
                }
            }
            foreach (var (name, child) in obj)
            {
                // "if" holds conditions on a step's kind, not documented properties.
                if (child is not null && name != "if") Walk(child, $"{path}/{name}", missing);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child) Walk(child, $"{path}/{i}", missing);
            }
        }
    }

    [GeneratedRegex(@"\{service:[a-z0-9_]+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\b\d{3}[-. ]?\d{3}[-. ]?\d{4}\b|\b(911|988|211|686868)\b")]
    private static partial Regex PhonePattern();
}
