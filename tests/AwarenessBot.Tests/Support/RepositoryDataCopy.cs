using AwarenessBot.Tests.DirectLine;

namespace AwarenessBot.Tests.Support;

/// <summary>A private copy of the repository's seeds/ and dialogs/ (without the corpora) that a test may edit.</summary>
public sealed class RepositoryDataCopy : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "awarenessbot-data-" + Guid.NewGuid().ToString("N"));

    public RepositoryDataCopy()
    {
        foreach (var folder in new[] { "seeds", "dialogs" })
        {
            var from = Path.Combine(RepositoryFolders.Root, folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (relative.StartsWith("corpus", StringComparison.Ordinal)) continue;
                var target = Path.Combine(_root, folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    public string Seeds => Path.Combine(_root, "seeds");

    public string Dialogs => Path.Combine(_root, "dialogs");

    /// <summary>Replaces text in a file under the copy ("seeds/triage/frames.yaml"); fails when the text is not there.</summary>
    public void Edit(string relative, string oldText, string newText)
    {
        var path = Path.Combine(_root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
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
            // A watcher may hold the folder for a moment; the temp folder is cleaned by the OS.
        }
    }
}
