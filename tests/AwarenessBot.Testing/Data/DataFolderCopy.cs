namespace AwarenessBot.Testing.Data;

/// <summary>
/// A private copy of a repository's seeds/ and dialogs/ (without seeds/corpus, which nothing loaded reads) that a
/// test may edit. Each test project passes its own way of finding the repository root.
/// </summary>
public sealed class DataFolderCopy : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "awarenessbot-data-" + Guid.NewGuid().ToString("N"));

    public DataFolderCopy(string repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var seeds = Path.Combine(repositoryRoot, "seeds");
        Copy(seeds, Seeds, skip: Path.Combine(seeds, "corpus"));
        Copy(Path.Combine(repositoryRoot, "dialogs"), Dialogs, skip: null);
    }

    public string Seeds => Path.Combine(_root, "seeds");

    public string Dialogs => Path.Combine(_root, "dialogs");

    /// <summary>Replaces text in a file under the copy's root ("seeds/triage/frames.yaml"); fails when the text is not there.</summary>
    public void Edit(string relative, string oldText, string newText)
    {
        var path = Path.Combine(_root, relative);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"\"{oldText}\" is not in {relative}; the test's edit no longer applies.");
        }

        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static void Copy(string from, string to, string? skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (skip is not null && file.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
