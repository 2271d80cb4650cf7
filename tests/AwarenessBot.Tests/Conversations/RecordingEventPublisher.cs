using AwarenessBot.Turns;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// Replaces the analytics publisher so a driver can see which events a turn raised. Like the analyzer script, the
/// sink travels in an AsyncLocal set around one turn; outside a recorded turn events are dropped (analytics is off).
/// </summary>
internal sealed class RecordingEventPublisher : IEngineEventPublisher
{
    private static readonly AsyncLocal<List<string>?> Sink = new();

    public static IDisposable Record(List<string> names)
    {
        var previous = Sink.Value;
        Sink.Value = names;
        return new Restore(previous);
    }

    public void Publish(string? sessionKey, string channelId, IReadOnlyList<EngineEvent> events) =>
        Sink.Value?.AddRange(events.Select(e => e.Name));

    private sealed class Restore(List<string>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }
}
