using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Snapshots;

/// <summary>
/// The engine the host sees: each turn runs on the snapshot current when it starts (one read of the reference), so
/// a reload during a turn changes the next turn, never this one.
/// </summary>
internal sealed class SnapshotDialogEngine : IDialogEngine
{
    private readonly DataSnapshotHolder _holder;

    public SnapshotDialogEngine(DataSnapshotHolder holder)
    {
        _holder = holder;
        // Resolving the engine loads and validates everything: the host resolves it at start-up to fail fast.
        _ = holder.Current;
    }

    public TurnResult RunTurn(TurnInput input, DialogSessionState session, UserProfileState profile) =>
        _holder.Current.Engine.RunTurn(input, session, profile);
}

/// <summary>The lesson choices of the current snapshot (a lesson added to the flows appears without a restart).</summary>
internal sealed class SnapshotLessonCatalog(DataSnapshotHolder holder) : ILessonCatalog
{
    public IReadOnlyList<LessonOption> Modules => holder.Current.Lessons.Modules;

    public IReadOnlyList<LessonOption> AgeBands => holder.Current.Lessons.AgeBands;

    public IReadOnlyList<LessonOption> Locales => holder.Current.Lessons.Locales;

    public LessonStart? Resolve(string? moduleId, string? ageBand, string? locale) => holder.Current.Lessons.Resolve(moduleId, ageBand, locale);
}
