namespace AwarenessBot.Content.HotReload;

/// <summary>
/// What the hot reloader reloads when something larger than content owns the data: the folders to watch and one
/// reload that validates everything together and swaps it in, or keeps the last good version and says why. Without
/// one registered, the reloader reloads content alone.
/// </summary>
public interface IReloadSource
{
    IReadOnlyList<string> WatchedFolders { get; }

    ReloadResult Reload();
}
