using AwarenessBot.Content.Repository;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Engine.Snapshots;

/// <summary>
/// Holds the current <see cref="DataSnapshot"/>. The first load is lazy and fails fast with every error of every
/// stage (<see cref="FlowValidationException"/>); reloads swap the reference atomically.
/// </summary>
public sealed class DataSnapshotHolder : IInitialContentSource
{
    private readonly Lazy<DataSnapshot> _initial;
    private DataSnapshot? _current;

    public DataSnapshotHolder(Func<(ValidationReport Report, DataSnapshot? Snapshot)> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Load = load;
        _initial = new Lazy<DataSnapshot>(() =>
        {
            var (report, snapshot) = load();
            return snapshot ?? throw new FlowValidationException(report);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Runs the whole pipeline once more (for a reload); changes nothing by itself.</summary>
    public Func<(ValidationReport Report, DataSnapshot? Snapshot)> Load { get; }

    /// <summary>The snapshot a turn starting now uses. Read it once per turn.</summary>
    public DataSnapshot Current => Volatile.Read(ref _current) ?? _initial.Value;

    public LoadedContent InitialContent => Current.Content;

    /// <summary>Raised after a reload's snapshot became current: parts built from the same seeds (the host's triage
    /// analyzer) follow it.</summary>
    public event Action<DataSnapshot>? Swapped;

    public void Swap(DataSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        Swapped?.Invoke(snapshot);
    }
}
