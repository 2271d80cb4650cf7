namespace AwarenessBot.Hosting;

/// <summary>
/// Where the data folders are. Authors edit <c>seeds/</c> and <c>dialogs/</c> in the repository and the running bot
/// reloads them, so in development we use the repository's folders (found by walking up from the content root);
/// a published build carries copies next to the binaries. <c>Content:SeedsPath</c>/<c>Content:DialogsPath</c> override.
/// </summary>
internal sealed record RepositoryPaths(string Seeds, string Dialogs)
{
    public static RepositoryPaths Resolve(IConfiguration configuration, string contentRoot)
    {
        var seeds = configuration["Content:SeedsPath"] is { Length: > 0 } s ? Path.GetFullPath(s, contentRoot) : Find("seeds", contentRoot);
        var dialogs = configuration["Content:DialogsPath"] is { Length: > 0 } d ? Path.GetFullPath(d, contentRoot) : Find("dialogs", contentRoot);
        return new RepositoryPaths(seeds, dialogs);
    }

    private static string Find(string folder, string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, folder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"Could not find the '{folder}' folder above {contentRoot}; set Content:{char.ToUpperInvariant(folder[0])}{folder[1..]}Path.");
    }
}
