using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.Services;

namespace AwarenessBot.Content.Repository;

/// <summary>
/// One valid load of content and services, fixed: its repository and directory never see a later reload. A larger
/// snapshot (the engine's) holds one of these so that a turn reads one version of everything.
/// </summary>
public sealed class LoadedContent
{
    internal LoadedContent(ContentSnapshot snapshot)
    {
        Snapshot = snapshot;
        var fixedHolder = new ContentSnapshotHolder(snapshot);
        Repository = new ContentRepository(fixedHolder);
        Services = new ServiceDirectory(fixedHolder);
    }

    internal ContentSnapshot Snapshot { get; }

    public IContentRepository Repository { get; }

    public IServiceDirectory Services { get; }

    public int ItemCount => Snapshot.Items.Count;

    public int ServiceCount => Snapshot.Services.Count;
}

/// <summary>Where the host's content repository takes its first load from, when something larger loads it (the engine's snapshot).</summary>
public interface IInitialContentSource
{
    LoadedContent InitialContent { get; }
}

/// <summary>Lets a larger reload (the engine's snapshot) publish the content it validated, or say why it kept the old one.</summary>
public interface IContentPublisher
{
    void Publish(LoadedContent content);

    void RecordFailure(string summary);
}
