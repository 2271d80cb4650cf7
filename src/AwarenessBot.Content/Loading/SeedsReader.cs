using AwarenessBot.Content.Validation;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Loading;

/// <summary>
/// Stage one of loading: read every YAML file under seeds/, check the schema header and the shape, and turn the
/// files that pass into definitions. Files that fail are reported and left out (the meaning stage skips them).
/// </summary>
/// <remarks>
/// Start-up cost is mostly one-off (building the schemas, first use of the YAML and JSON libraries), so the schemas
/// are built while the files are parsed, and files are parsed and checked in parallel. Issues are merged back in the
/// same order as a sequential read: schemas, content files, service files, lexicons.
/// </remarks>
internal static class SeedsReader
{
    public static LoadedSeeds Read(SeedPaths paths, IssueCollector issues)
    {
        if (!Directory.Exists(paths.Root))
        {
            issues.Error(paths.Root, null, null, null, "the seeds folder does not exist");
            return new LoadedSeeds(paths.Root, [], [], new Dictionary<string, IReadOnlyList<string>>());
        }

        var contentSchemaIssues = new IssueCollector();
        var serviceSchemaIssues = new IssueCollector();
        var contentSchemaTask = Task.Run(() => LoadSchema(paths, paths.ContentSchema, contentSchemaIssues));
        var serviceSchemaTask = Task.Run(() => LoadSchema(paths, paths.ServiceSchema, serviceSchemaIssues));
        var termIssues = new IssueCollector();
        var termsTask = Task.Run(() => ExplicitTermsLoader.Load(paths, termIssues));

        var contentFiles = paths.ContentFiles().ToArray();
        var serviceFiles = paths.ServiceFiles().ToArray();
        var files = ParallelWork.Map(contentFiles.Concat(serviceFiles).ToArray(), file => SeedFile.Parse(paths, file));
        var contentSchema = Await(contentSchemaTask);
        var serviceSchema = Await(serviceSchemaTask);
        var definitions = ParallelWork.Map(files, (file, index) => index < contentFiles.Length
            ? file.Definition<ContentItemDefinition>(contentSchema)
            : (object?)file.Definition<ServiceDefinition>(serviceSchema));

        issues.Append(contentSchemaIssues);
        issues.Append(serviceSchemaIssues);
        var items = new List<LoadedItem>();
        var services = new List<LoadedService>();
        for (var i = 0; i < files.Length; i++)
        {
            var file = files[i];
            issues.Append(file.Issues);
            switch (definitions[i])
            {
                case ContentItemDefinition item:
                    items.Add(new LoadedItem(item, file.Document!));
                    break;
                case ServiceDefinition service:
                    var folder = Path.GetFileName(Path.GetDirectoryName(file.FullPath)) ?? string.Empty;
                    services.Add(new LoadedService(service, file.Document!, folder));
                    break;
            }
        }

        var terms = Await(termsTask);
        issues.Append(termIssues);
        return new LoadedSeeds(paths.Root, items, services, terms);
    }

    private static SchemaChecker? LoadSchema(SeedPaths paths, string schemaPath, IssueCollector issues) =>
        SchemaChecker.TryFromFile(schemaPath, paths.Display(schemaPath), issues.Sink);

    // Blocking is fine here: loading is synchronous by contract (a Lazy snapshot) and runs off the request path.
    private static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
