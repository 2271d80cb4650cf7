using System.Text.Json.Nodes;

namespace AwarenessBot.Catalog.Tests;

/// <summary>
/// The JSON schemas of seeds/ and dialogs/ repeat the catalog's codes in enums (editors complete from them); every
/// such list must be the catalog's, so adding a locale or a region fails here until the schemas say it too.
/// Lists are found by what they hold: any enum or required list made only of locale codes, region codes or needs.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly BotCatalog Catalog = BotCatalog.Default;

    private static readonly List<string> SchemaFiles =
    [
        .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Seeds, "schema"), "*.schema.json")
            .Append(Path.Combine(RepoPaths.Root, "dialogs", "schema", "flow.schema.json"))
            .Where(f => Path.GetFileName(f) != "catalog.schema.json")
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> Schemas() => [.. SchemaFiles];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Locale_region_and_need_lists_in_schemas_are_the_catalogs(string schema)
    {
        var problems = new List<string>();
        Walk(JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, schema)))!, "#", problems);
        Assert.True(problems.Count == 0, $"{schema} disagrees with seeds/catalog.yaml:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Schemas_name_every_locale_region_and_need_somewhere()
    {
        var all = string.Join("\n", SchemaFiles.Select(s => File.ReadAllText(Path.Combine(RepoPaths.Root, s))));
        Assert.All(Catalog.LocaleCodes.Concat(Catalog.RegionCodes).Concat(Catalog.Needs), code => Assert.Contains($"\"{code}\"", all, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("seeds/schema/content-item.schema.json", "#/$defs/variant/properties/audience/items/enum", "content")]
    [InlineData("seeds/schema/service.schema.json", "#/properties/audience/items/enum", "service+all")]
    [InlineData("dialogs/schema/flow.schema.json", "#/$defs/step/properties/audience/enum", "service")]
    [InlineData("seeds/schema/slots.schema.json", "#/properties/audience/propertyNames/enum", "profile")]
    public void Audience_lists_in_schemas_are_the_catalogs(string schema, string location, string kind)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, schema)))!;
        foreach (var part in location[2..].Split('/')) node = node[part]!;
        var serviceAudiences = Catalog.Audiences.Select(a => a.ServiceAudience).Concat(Catalog.AgeBands.Select(b => b.ServiceAudience).OfType<string>());
        var expected = kind switch
        {
            "content" => Catalog.AgeBands.Select(b => b.Code).Concat(Catalog.Audiences.Select(a => a.ContentAudience).OfType<string>()).Append(Catalog.AllAudiences),
            "service+all" => serviceAudiences.Append(Catalog.AllAudiences),
            "service" => serviceAudiences,
            _ => Catalog.Audiences.Select(a => a.Code),
        };

        Assert.Equal(expected.ToHashSet(StringComparer.Ordinal), Strings(node).ToHashSet(StringComparer.Ordinal));
    }

    private static void Walk(JsonNode node, string path, List<string> problems)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                if (child is JsonArray array && key is "enum" or "required") Check(Strings(array), key, $"{path}/{key}", problems);
                if (key == "patternProperties" && child is JsonObject patterns) CheckPatterns(patterns, $"{path}/{key}", problems);
                if (key == "properties" && child is JsonObject properties && properties.Count > 1 && properties.All(p => Catalog.IsLocale(p.Key)))
                    Same(Catalog.LocaleCodes, [.. properties.Select(p => p.Key)], "locale properties", $"{path}/{key}", problems);
                if (child is not null) Walk(child, $"{path}/{key}", problems);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child) Walk(child, $"{path}/{i}", problems);
            }
        }
    }

    private static void Check(List<string> values, string key, string at, List<string> problems)
    {
        if (values.Count == 0) return;
        if (values.All(Catalog.IsLocale))
            Same(key == "required" ? Catalog.RequiredLocales : Catalog.LocaleCodes, values, "locales", at, problems);
        else if (values.All(v => Catalog.FindRegion(v) is not null))
            Same(values.Contains(Catalog.National.Code) ? [Catalog.National.Code, .. Catalog.RegionCodes] : Catalog.RegionCodes, values, "regions", at, problems);
        else if (values.All(Catalog.Needs.Contains))
            Same(Catalog.Needs, values, "needs", at, problems);
        else if (values.All(v => Catalog.FindAgeBand(v) is not null))
            Same([.. Catalog.AgeBands.Select(b => b.Code)], values, "age bands", at, problems);
    }

    private static void CheckPatterns(JsonObject patterns, string at, List<string> problems)
    {
        var expected = "^(" + string.Join('|', Catalog.LocaleCodes) + ")$";
        foreach (var (pattern, _) in patterns)
        {
            var codes = pattern.TrimStart('^').TrimEnd('$').Trim('(', ')').Split('|');
            if (codes.All(Catalog.IsLocale) && pattern != expected) problems.Add($"{at}: pattern {pattern}, the catalog's locales give {expected}");
        }
    }

    private static void Same(IReadOnlyList<string> expected, List<string> actual, string what, string at, List<string> problems)
    {
        if (!expected.SequenceEqual(actual))
            problems.Add($"{at}: {what} [{string.Join(", ", actual)}], the catalog says [{string.Join(", ", expected)}]");
    }

    private static List<string> Strings(JsonNode node) =>
        [.. node.AsArray().Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()];
}
