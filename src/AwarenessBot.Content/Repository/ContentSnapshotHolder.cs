using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Repository;

/// <summary>
/// Holds the current snapshot. Loading is lazy and fails fast (the first reader gets a
/// <see cref="ContentValidationException"/> listing every error); reloads swap the reference atomically.
/// </summary>
internal sealed class ContentSnapshotHolder : IContentHealth, IContentPublisher
{
    private readonly Lazy<ContentSnapshot> _initial;
    private ContentSnapshot? _current;

    public ContentSnapshotHolder(Func<ContentSnapshot> load) => _initial = new Lazy<ContentSnapshot>(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public ContentSnapshotHolder(ContentSnapshot snapshot)
        : this(() => snapshot)
    {
    }

    public ContentSnapshot Current => Volatile.Read(ref _current) ?? _initial.Value;

    public bool IsLoaded => Volatile.Read(ref _current) is not null || _initial.IsValueCreated;

    public DateTimeOffset? LoadedAt => IsLoaded ? Current.LoadedAt : null;

    public int ItemCount => IsLoaded ? Current.Items.Count : 0;

    public int ServiceCount => IsLoaded ? Current.Services.Count : 0;

    public string? LastReloadFailure { get; private set; }

    public void Swap(ContentSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        LastReloadFailure = null;
    }

    public void RecordFailure(string summary) => LastReloadFailure = summary;

    public void Publish(LoadedContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Swap(content.Snapshot);
    }
}
