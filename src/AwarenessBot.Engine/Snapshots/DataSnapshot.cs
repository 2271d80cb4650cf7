using AwarenessBot.Content.Repository;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Snapshots;

/// <summary>
/// Everything the engine loaded from seeds/ and dialogs/ at one moment, validated together and never changed: content
/// and services, flows, intents, regions, slot and choice tables, the intent model. A reload builds a new one and
/// swaps the reference; a turn takes the reference once when it starts, so it never sees half of two versions.
/// </summary>
public sealed class DataSnapshot
{
    internal DataSnapshot(LoadedContent content, IDialogEngine engine, ILessonCatalog lessons, int flowCount, DateTimeOffset loadedAt)
    {
        Content = content;
        Engine = engine;
        Lessons = lessons;
        FlowCount = flowCount;
        LoadedAt = loadedAt;
    }

    public LoadedContent Content { get; }

    /// <summary>The engine wired over this snapshot's flows, intents and content (and nothing newer).</summary>
    public IDialogEngine Engine { get; }

    public ILessonCatalog Lessons { get; }

    public int FlowCount { get; }

    public DateTimeOffset LoadedAt { get; }
}
