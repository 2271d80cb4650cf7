using YamlDotNet.RepresentationModel;

namespace AwarenessBot.DataFiles.Tests;

/// <summary>
/// The parsed-data snapshot for readers of the YAML tree (<see cref="YamlReader.Read(string, string)"/>): a text read
/// again is the parser's kept events replayed, and builds the same tree (values, styles, tags, anchors, positions), the
/// same JSON and the same lines as parsing it; invalid YAML is never kept; a torn entry is parsed again.
/// </summary>
public sealed class YamlEventsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"awarenessbot-yaml-events-{Guid.NewGuid():N}");

    [Fact]
    public void Every_yaml_file_of_seeds_and_dialogs_replays_to_the_tree_json_and_lines_the_parser_makes()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "seeds"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "dialogs"), "*.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 100, $"{files.Count} YAML files found under {root}");
        var cache = ParsedYamlCache.Open(_folder);
        var replayed = 0;
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            DataDocument parsed;
            try
            {
                parsed = YamlReader.Read(path, text, events: null);
            }
            catch (YamlDotNet.Core.YamlException)
            {
                continue; // a deliberately broken fixture: never kept (below)
            }

            YamlReader.Read(path, text, cache); // parsed and kept
            var entry = Path.Combine(_folder, "parsed", ParsedYamlCache.EventsKey(text) + ".events");
            if (!File.Exists(entry))
            {
                continue; // a text whose events the format does not carry
            }

            Assert.NotEmpty(YamlEvents.Decode(File.ReadAllText(entry))); // a whole stream, so the next read replays it
            var again = YamlReader.Read(path, text, cache);
            replayed++;
            AssertSameNode(parsed.Yaml, again.Yaml, path);
            Assert.Equal(parsed.Json?.ToJsonString(), again.Json?.ToJsonString());
            Assert.Equal(parsed.Lines.OrderBy(l => l.Key, StringComparer.Ordinal), again.Lines.OrderBy(l => l.Key, StringComparer.Ordinal));
        }

        Assert.True(replayed > files.Count * 9 / 10, $"{replayed} of {files.Count} replayed");
    }

    [Fact]
    public void The_second_read_is_the_kept_entry_and_an_edit_is_a_miss()
    {
        var cache = ParsedYamlCache.Open(_folder);
        YamlReader.Read("x.yaml", "id: a\n", cache);
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "parsed"), "*.events"));
        File.WriteAllText(entry, File.ReadAllText(entry).Replace("\"a\"", "\"from the snapshot\"", StringComparison.Ordinal));

        Assert.Equal("from the snapshot", YamlReader.Read("x.yaml", "id: a\n", cache).Json!["id"]!.GetValue<string>());
        Assert.Equal("b", YamlReader.Read("x.yaml", "id: b\n", cache).Json!["id"]!.GetValue<string>());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder, "parsed"), "*.events").Length);
    }

    [Fact]
    public void A_torn_entry_is_parsed_again()
    {
        var cache = ParsedYamlCache.Open(_folder);
        YamlReader.Read("x.yaml", "id: a\nlist: [1, 2]\n", cache);
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "parsed"), "*.events"));
        foreach (var torn in new[] { "[[\"S\",0,1,1", "[[\"S\",0,1,1,0,1,1],[\"V\",0,1,1,0,1,1]]", "[[\"S\",0,1,1,0,1,1]]", "{}" })
        {
            File.WriteAllText(entry, torn);
            var document = YamlReader.Read("x.yaml", "id: a\nlist: [1, 2]\n", cache);
            Assert.Equal("{\"id\":\"a\",\"list\":[1,2]}", document.Json!.ToJsonString());
        }
    }

    [Fact]
    public void Invalid_yaml_and_a_duplicate_key_are_never_kept_and_fail_every_time()
    {
        var cache = ParsedYamlCache.Open(_folder);
        for (var i = 0; i < 2; i++)
        {
            Assert.Throws<YamlDotNet.Core.YamlException>(() => YamlReader.Read("x.yaml", "id: a\nid: b\n", cache));
            Assert.Throws<YamlDotNet.Core.YamlException>(() => YamlReader.Read("x.yaml", "id: [a\nb: c\n", cache));
            Assert.Throws<YamlDotNet.Core.YamlException>(() => YamlReader.Read("x.yaml", "a: 1\n---\nb: 2\n", cache));
        }

        Assert.False(Directory.Exists(Path.Combine(_folder, "parsed")));
    }

    [Fact]
    public void Anchors_aliases_tags_and_every_scalar_style_come_back_the_same()
    {
        const string Text = """
            base: &base {name: "x", count: 3}
            copy: *base
            tagged: !!str 12
            literal: |
              two
              lines
            folded: >
              one
              line
            single: 'it''s'
            empty:
            """;
        var parsed = YamlReader.Read("x.yaml", Text, events: null);
        var cache = ParsedYamlCache.Open(_folder);
        YamlReader.Read("x.yaml", Text, cache);
        var again = YamlReader.Read("x.yaml", Text, cache);

        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "parsed"), "*.events"));
        AssertSameNode(parsed.Yaml, again.Yaml, "x.yaml");
        Assert.Equal(parsed.Json!.ToJsonString(), again.Json!.ToJsonString());
    }

    [Fact]
    public void Off_keeps_nothing()
    {
        YamlReader.Read("x.yaml", "id: a\n", ParsedYamlCache.Open("off"));
        Assert.False(Directory.Exists(Path.Combine(_folder, "parsed")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static void AssertSameNode(YamlNode? expected, YamlNode? actual, string file)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        var where = $"{file}:{expected.Start.Line}:{expected.Start.Column}";
        Assert.True(expected.GetType() == actual.GetType(), where);
        Assert.True(expected.Start.Equals(actual.Start) && expected.End.Equals(actual.End), where);
        Assert.True(expected.Tag.Equals(actual.Tag) && expected.Anchor.Equals(actual.Anchor), where);
        switch (expected)
        {
            case YamlScalarNode scalar:
                var other = (YamlScalarNode)actual;
                Assert.True(scalar.Value == other.Value && scalar.Style == other.Style, where);
                break;
            case YamlSequenceNode sequence:
                var items = ((YamlSequenceNode)actual).Children;
                Assert.True(sequence.Style == ((YamlSequenceNode)actual).Style && sequence.Children.Count == items.Count, where);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSameNode(sequence.Children[i], items[i], file);
                }

                break;
            case YamlMappingNode mapping:
                var pairs = ((YamlMappingNode)actual).Children.ToList();
                var expectedPairs = mapping.Children.ToList();
                Assert.True(mapping.Style == ((YamlMappingNode)actual).Style && expectedPairs.Count == pairs.Count, where);
                for (var i = 0; i < pairs.Count; i++)
                {
                    AssertSameNode(expectedPairs[i].Key, pairs[i].Key, file);
                    AssertSameNode(expectedPairs[i].Value, pairs[i].Value, file);
                }

                break;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwarenessBot.sln")) && Directory.Exists(Path.Combine(directory.FullName, "seeds")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AwarenessBot.sln beside seeds/) was not found above " + AppContext.BaseDirectory);
    }
}
