namespace AwarenessBot.Content.Repository;

/// <summary>What the host's /readyz asks: is valid content loaded, and did the last hot reload fail?</summary>
public interface IContentHealth
{
    bool IsLoaded { get; }

    DateTimeOffset? LoadedAt { get; }

    int ItemCount { get; }

    int ServiceCount { get; }

    /// <summary>A summary of the last failed reload (file names and error counts only), or null when it succeeded.</summary>
    string? LastReloadFailure { get; }
}
