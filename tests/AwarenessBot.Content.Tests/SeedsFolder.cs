namespace AwarenessBot.Content.Tests;

/// <summary>
/// A throw-away seeds folder: the real schemas and lexicons, the valid fixture items and services, plus optional
/// overlays (one folder per broken case under Fixtures/Invalid). Deleted on dispose.
/// </summary>
internal sealed class SeedsFolder : IDisposable
{
    private SeedsFolder(string root) => Root = root;

    /// <summary>The seeds folder (…/seeds); errors show paths like "seeds/content/…".</summary>
    public string Path { get; private set; } = string.Empty;

    public string Root { get; }

    public static SeedsFolder CreateValid(params string[] invalidOverlays)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awarenessbot-seeds-" + Guid.NewGuid().ToString("N"));
        var folder = new SeedsFolder(root) { Path = System.IO.Path.Combine(root, "seeds") };
        Copy(System.IO.Path.Combine(TestPaths.RealSeeds, "schema"), System.IO.Path.Combine(folder.Path, "schema"));
        Copy(System.IO.Path.Combine(TestPaths.RealSeeds, "lexicons"), System.IO.Path.Combine(folder.Path, "lexicons"));
        Copy(System.IO.Path.Combine(TestPaths.Fixtures, "Valid"), folder.Path);
        foreach (var overlay in invalidOverlays)
        {
            Copy(System.IO.Path.Combine(TestPaths.Fixtures, "Invalid", overlay), folder.Path);
        }

        return folder;
    }

    /// <summary>The real schemas and the real service directory, without content: routing tests do not depend on content.</summary>
    public static SeedsFolder CreateWithRealServices()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awarenessbot-services-" + Guid.NewGuid().ToString("N"));
        var folder = new SeedsFolder(root) { Path = System.IO.Path.Combine(root, "seeds") };
        foreach (var part in new[] { "schema", "lexicons", "services" })
        {
            Copy(System.IO.Path.Combine(TestPaths.RealSeeds, part), System.IO.Path.Combine(folder.Path, part));
        }

        return folder;
    }

    public void Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the OS later.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
