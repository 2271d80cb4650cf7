namespace AwarenessBot.DataFiles.Tests;

/// <summary>
/// Passes are remembered by content (start-up then evaluates only what changed); failures, a changed schema or a
/// changed document are always evaluated, and <c>off</c> evaluates everything.
/// </summary>
public sealed class SchemaResultCacheTests : IDisposable
{
    private const string Schema = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["id"],
          "properties": { "id": { "type": "string" } } }
        """;

    private const string StricterSchema = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["id", "name"],
          "properties": { "id": { "type": "string" } } }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"awarenessbot-schema-cache-{Guid.NewGuid():N}");

    [Fact]
    public void A_pass_is_remembered_across_processes_and_not_evaluated_again()
    {
        var document = YamlReader.Read("f.yaml", "id: a\n");
        var first = SchemaChecker.FromText(Schema, SchemaResultCache.Open(_folder));
        Assert.True(first.Check(document, "a", new List<ValidationIssue>()));
        Assert.Equal(1, first.Evaluations);

        // A new cache over the same folder is what the next start-up sees.
        var next = SchemaChecker.FromText(Schema, SchemaResultCache.Open(_folder));
        var issues = new List<ValidationIssue>();
        Assert.True(next.Check(YamlReader.Read("f.yaml", "id: a\n"), "a", issues));
        Assert.Empty(issues);
        Assert.Equal(0, next.Evaluations);
    }

    [Fact]
    public void A_failure_is_evaluated_and_reported_every_time()
    {
        var checker = SchemaChecker.FromText(Schema, SchemaResultCache.Open(_folder));
        for (var i = 0; i < 2; i++)
        {
            var issues = new List<ValidationIssue>();
            Assert.False(checker.Check(YamlReader.Read("f.yaml", "id: 1\n"), "a", issues));
            Assert.Single(issues);
        }

        Assert.Equal(2, checker.Evaluations);
    }

    [Fact]
    public void A_changed_schema_or_document_is_evaluated_again()
    {
        var cache = SchemaResultCache.Open(_folder);
        Assert.True(SchemaChecker.FromText(Schema, cache).Check(YamlReader.Read("f.yaml", "id: a\n"), "a", new List<ValidationIssue>()));

        var stricter = SchemaChecker.FromText(StricterSchema, cache);
        var issues = new List<ValidationIssue>();
        Assert.False(stricter.Check(YamlReader.Read("f.yaml", "id: a\n"), "a", issues));
        Assert.Single(issues);

        var same = SchemaChecker.FromText(Schema, cache);
        Assert.True(same.Check(YamlReader.Read("f.yaml", "id: b\n"), "b", new List<ValidationIssue>()));
        Assert.Equal(1, same.Evaluations);
    }

    [Fact]
    public void Off_evaluates_every_time()
    {
        var checker = SchemaChecker.FromText(Schema, SchemaResultCache.Open("off"));
        checker.Check(YamlReader.Read("f.yaml", "id: a\n"), "a", new List<ValidationIssue>());
        checker.Check(YamlReader.Read("f.yaml", "id: a\n"), "a", new List<ValidationIssue>());

        Assert.Equal(2, checker.Evaluations);
    }

    [Fact]
    public void Passes_are_kept_in_this_builds_own_file_and_other_builds_files_are_forgotten_past_a_limit_and_the_old_shared_file_after_a_week()
    {
        Directory.CreateDirectory(_folder);
        var shared = Path.Combine(_folder, "schema-passed.txt");
        File.WriteAllText(shared, new string('a', 64) + "\n");
        SchemaResultCache.Open(_folder);
        Assert.True(File.Exists(shared));
        File.SetLastWriteTimeUtc(shared, TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-8));
        for (var i = 0; i < SchemaResultCache.MaxBuildFiles + 3; i++)
        {
            var other = Path.Combine(_folder, $"schema-passed-other{i:D2}.txt");
            File.WriteAllText(other, new string('b', 64) + "\n");
            File.SetLastWriteTimeUtc(other, DateTime.UnixEpoch.AddDays(i));
        }

        var checker = SchemaChecker.FromText(Schema, SchemaResultCache.Open(_folder));
        checker.Check(YamlReader.Read("f.yaml", "id: a\n"), "a", new List<ValidationIssue>());

        Assert.False(File.Exists(Path.Combine(_folder, "schema-passed.txt")));
        Assert.All(File.ReadAllLines(SchemaResultCache.BuildFile(_folder)), key => Assert.Equal(64, key.Length));
        var others = Directory.GetFiles(_folder, "schema-passed-other*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(SchemaResultCache.MaxBuildFiles, others.Count);
        Assert.Equal("schema-passed-other03.txt", others[0]);
        var next = SchemaChecker.FromText(Schema, SchemaResultCache.Open(_folder));
        Assert.True(next.Check(YamlReader.Read("f.yaml", "id: a\n"), "a", new List<ValidationIssue>()));
        Assert.Equal(0, next.Evaluations);
    }

    [Fact]
    public void The_schema_library_named_for_its_version_is_the_one_the_checker_uses() =>
        Assert.Equal(SchemaResultCache.SchemaLibrary, typeof(Json.Schema.JsonSchema).Assembly.GetName().Name);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
