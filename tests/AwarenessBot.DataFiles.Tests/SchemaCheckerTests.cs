namespace AwarenessBot.DataFiles.Tests;

public sealed class SchemaCheckerTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["id"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string" },
            "steps": { "type": "array", "items": { "type": "object", "properties": { "kind": { "enum": ["show", "ask"] } } } }
          }
        }
        """;

    [Fact]
    public void A_valid_document_adds_nothing()
    {
        var issues = new List<ValidationIssue>();
        Assert.True(SchemaChecker.FromText(Schema).Check(YamlReader.Read("f.yaml", "id: a\nsteps:\n  - kind: show\n"), "a", issues));
        Assert.Empty(issues);
    }

    [Fact]
    public void Each_failure_names_the_line_of_the_offending_node_and_the_subject()
    {
        var issues = new List<ValidationIssue>();
        var document = YamlReader.Read("f.yaml", "id: a\nsteps:\n  - kind: show\n  - kind: shout\nextra: 1\n");

        Assert.False(SchemaChecker.FromText(Schema).Check(document, "a", issues, pointer => pointer.StartsWith("/steps/1", StringComparison.Ordinal) ? "a/second" : null));

        Assert.Contains(issues, i => i.Rule == "schema" && i.Line == 4 && i.Subject == "a/second" && i.Message.StartsWith("/steps/1/kind:", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Line == 5 && i.Subject == "a" && i.Message.StartsWith("/extra:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_if_is_not_an_error_only_its_else_is()
    {
        const string conditional = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "hours": {
                  "if": { "type": "string" },
                  "then": { "const": "24/7" },
                  "else": { "type": "object", "required": ["open"] }
                }
              }
            }
            """;
        var issues = new List<ValidationIssue>();

        Assert.False(SchemaChecker.FromText(conditional).Check(YamlReader.Read("f.yaml", "hours:\n  close: x\n"), "a", issues));

        var issue = Assert.Single(issues);
        Assert.Equal(2, issue.Line);
        Assert.StartsWith("/hours: Required properties", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_named_if_is_checked_like_any_other()
    {
        const string named = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": { "if": { "type": "string" } }
            }
            """;
        var issues = new List<ValidationIssue>();

        Assert.False(SchemaChecker.FromText(named).Check(YamlReader.Read("f.yaml", "if: [1]\n"), "a", issues));

        Assert.StartsWith("/if:", Assert.Single(issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_schema_file_is_an_issue_not_an_exception()
    {
        var issues = new List<ValidationIssue>();
        Assert.Null(SchemaChecker.TryFromFile(Path.Combine(Path.GetTempPath(), "no-such-schema.json"), "seeds/schema/x.json", issues));
        Assert.Equal("seeds/schema/x.json", Assert.Single(issues).File);
    }
}
