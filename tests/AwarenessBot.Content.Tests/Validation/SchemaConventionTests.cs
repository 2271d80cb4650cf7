using System.Text.Json.Nodes;

namespace AwarenessBot.Content.Tests.Validation;

/// <summary>Every property in the seed schemas has a title and a description (editors show them as help).</summary>
public sealed class SchemaConventionTests
{
    [Theory]
    [InlineData("content-item.schema.json")]
    [InlineData("service.schema.json")]
    [InlineData("catalog.schema.json")]
    public void Every_property_has_a_title_and_a_description(string schemaFile)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RealSeeds, "schema", schemaFile)))!;
        var missing = new List<string>();
        Walk(schema, "#", missing);

        Assert.True(missing.Count == 0, "missing title or description: " + string.Join(", ", missing));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
    }

    private static void Walk(JsonNode? node, string path, List<string> missing)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject p && (p["title"] is null || p["description"] is null))
                {
                    missing.Add($"{path}/properties/{name}");
                }
            }
        }

        foreach (var (name, child) in obj)
        {
            if (child is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}/{name}/{i}", missing);
                }
            }
            else
            {
                Walk(child, $"{path}/{name}", missing);
            }
        }
    }
}
