namespace AwarenessBot.Content.Loading;

/// <summary>Where things live inside a seeds folder, and how file names are shown in errors.</summary>
internal sealed class SeedPaths(string seedsDirectory)
{
    public const string SchemaHeader = "# yaml-language-server: $schema=";

    public string Root { get; } = Path.GetFullPath(seedsDirectory);

    public string ContentDirectory => Path.Combine(Root, "content");

    public string ServicesDirectory => Path.Combine(Root, "services");

    public string VocabularyDirectory => Path.Combine(Root, "lexicons", "vocabulary");

    public string ContentSchema => Path.Combine(Root, "schema", "content-item.schema.json");

    public string ServiceSchema => Path.Combine(Root, "schema", "service.schema.json");

    /// <summary>Paths are shown relative to the parent of the seeds folder (the repository root), e.g. "seeds/content/x.yaml".</summary>
    public string Display(string fullPath)
    {
        var parent = Path.GetDirectoryName(Root) ?? Root;
        return Path.GetRelativePath(parent, fullPath).Replace('\\', '/');
    }

    public IEnumerable<string> ContentFiles() => YamlFiles(ContentDirectory);

    public IEnumerable<string> ServiceFiles() => YamlFiles(ServicesDirectory);

    private static IEnumerable<string> YamlFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
}
