namespace AwarenessBot.DataFiles.Tests;

/// <summary>
/// The parsed-data snapshot gives back what the YAML reader made of a text (the same JSON, the same lines), keyed by
/// the text: an edit is a miss, invalid YAML is never kept, a torn entry is parsed again, and <c>off</c> keeps nothing.
/// </summary>
public sealed class ParsedYamlCacheTests : IDisposable
{
    private const string Text = """
        # schema: ../schema/x.json
        id: item_one
        count: 3
        ratio: 0.5
        draft: true
        nothing:
        quoted: "12"
        title: "Droits des travailleurs · l'employeur"
        variants:
          - locales:
              en:
                messages: [one, "two: three"]
              fr:
                messages:
                  - un
                  - deux
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"awarenessbot-parsed-cache-{Guid.NewGuid():N}");

    [Fact]
    public void A_text_read_again_comes_back_with_the_same_json_and_lines()
    {
        var parsed = YamlReader.Read("seeds/content/x.yaml", Text);
        var first = YamlReader.TryReadData("seeds/content/x.yaml", Text, new List<ValidationIssue>(), ParsedYamlCache.Open(_folder));
        var again = YamlReader.TryReadData("seeds/content/y.yaml", Text, new List<ValidationIssue>(), ParsedYamlCache.Open(_folder));

        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "parsed")));
        foreach (var document in new[] { first!, again! })
        {
            Assert.Null(document.Yaml);
            Assert.Equal(parsed.Json!.ToJsonString(), document.Json!.ToJsonString());
            foreach (var pointer in new[] { "", "/id", "/count", "/nothing", "/quoted", "/variants/0/locales/en/messages/1", "/variants/0/locales/fr/messages/1", "/variants/0/locales/fr/messages/7", "/missing/deeper" })
            {
                Assert.Equal(parsed.LineOf(pointer), document.LineOf(pointer));
            }
        }

        Assert.Equal("seeds/content/y.yaml", again!.File);
    }

    [Fact]
    public void The_second_read_is_the_kept_entry_and_an_edit_is_a_miss()
    {
        var cache = ParsedYamlCache.Open(_folder);
        YamlReader.TryReadData("x.yaml", "id: a\n", new List<ValidationIssue>(), cache);
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "parsed")));
        // What the entry says is what comes back (so it was not parsed again).
        File.WriteAllText(entry, "{\"id\":\"from the snapshot\"}\n[\"\",1]");
        Assert.Equal("from the snapshot", YamlReader.TryReadData("x.yaml", "id: a\n", new List<ValidationIssue>(), cache)!.Json!["id"]!.GetValue<string>());

        Assert.Equal("b", YamlReader.TryReadData("x.yaml", "id: b\n", new List<ValidationIssue>(), cache)!.Json!["id"]!.GetValue<string>());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder, "parsed")).Length);
    }

    [Fact]
    public void A_torn_entry_is_parsed_again()
    {
        var cache = ParsedYamlCache.Open(_folder);
        YamlReader.TryReadData("x.yaml", "id: a\n", new List<ValidationIssue>(), cache);
        File.WriteAllText(Assert.Single(Directory.GetFiles(Path.Combine(_folder, "parsed"))), "{\"id\":");
        Assert.Equal("a", YamlReader.TryReadData("x.yaml", "id: a\n", new List<ValidationIssue>(), cache)!.Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Invalid_yaml_is_never_kept_and_reports_its_issue_every_time()
    {
        var cache = ParsedYamlCache.Open(_folder);
        for (var i = 0; i < 2; i++)
        {
            var issues = new List<ValidationIssue>();
            Assert.Null(YamlReader.TryReadData("x.yaml", "id: a\nid: b\n", issues, cache));
            Assert.Equal(YamlReader.Rule, Assert.Single(issues).Rule);
        }

        Assert.False(Directory.Exists(Path.Combine(_folder, "parsed")));
    }

    [Fact]
    public void Off_keeps_nothing()
    {
        var document = YamlReader.TryReadData("x.yaml", Text, new List<ValidationIssue>(), ParsedYamlCache.Open("off"));
        Assert.Equal(YamlReader.Read("x.yaml", Text).Json!.ToJsonString(), document!.Json!.ToJsonString());
        Assert.False(Directory.Exists(Path.Combine(_folder, "parsed")));
    }

    [Fact]
    public void A_folder_past_its_size_starts_over()
    {
        var cache = ParsedYamlCache.Open(_folder, maxEntries: 2);
        foreach (var id in new[] { "a", "b", "c" })
        {
            YamlReader.TryReadData("x.yaml", $"id: {id}\n", new List<ValidationIssue>(), cache);
        }

        Assert.Equal(3, Directory.GetFiles(Path.Combine(_folder, "parsed")).Length);
        ParsedYamlCache.Open(_folder, maxEntries: 2);
        Assert.False(Directory.Exists(Path.Combine(_folder, "parsed")));
        ParsedYamlCache.Open(_folder, maxEntries: 2);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
