using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Catalog.Tests;

/// <summary>
/// seeds/schema/catalog.schema.json describes the catalog for editors (completion, help); the catalog matches it, and
/// the names it offers for code (readability formulas, syllable counters, stemmers) are the ones the code has.
/// </summary>
public sealed class CatalogSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepoPaths.Seeds, "schema", "catalog.schema.json");

    [Fact]
    public void The_catalog_matches_its_schema()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var stream = new YamlStream();
        using (var reader = File.OpenText(RepoPaths.Catalog)) stream.Load(reader);

        var result = schema.Evaluate(JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode)), new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = (result.Details ?? []).Where(d => !d.IsValid && d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void The_schema_offers_exactly_the_names_the_code_has()
    {
        var locale = JsonNode.Parse(File.ReadAllText(SchemaPath))!["$defs"]!["locale"]!["properties"]!;
        Assert.Equal(ReadabilityFormulas.All, Names(locale["readability"]!));
        Assert.Equal(SyllableCounterNames.All, Names(locale["syllables"]!));
        Assert.Equal(StemmerNames.All, Names(locale["stemmer"]!));
        Assert.Equal(CatalogLoader.ServiceHoursKeys, locale["service_hours"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    private static IEnumerable<string> Names(JsonNode property) => property["enum"]!.AsArray().Select(n => n!.GetValue<string>());

    /// <summary>YAML as JSON: plain true/false and numbers typed, everything else a string.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } n when double.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
