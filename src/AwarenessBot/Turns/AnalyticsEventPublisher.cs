using AwarenessBot.BotFramework;
using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Analytics;

namespace AwarenessBot.Turns;

/// <summary>
/// Sends the engine's anonymous events to the analytics sink. The only thing added here is the channel id on
/// session_started, and only a known one (<see cref="KnownChannels.Label"/>: never a caller-chosen string); the
/// sink's allow-list drops anything else that does not belong.
/// </summary>
internal sealed class AnalyticsEventPublisher(IAnalyticsSink sink, TimeProvider time) : IEngineEventPublisher
{
    public void Publish(string? sessionKey, string channelId, IReadOnlyList<EngineEvent> events)
    {
        if (sessionKey is null || events.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var engineEvent in events)
        {
            var dimensions = engineEvent.Name == AnalyticsEventNames.SessionStarted && !engineEvent.Properties.ContainsKey("channel")
                ? new Dictionary<string, string>(engineEvent.Properties, StringComparer.Ordinal) { ["channel"] = KnownChannels.Label(channelId) }
                : engineEvent.Properties;
            sink.Record(new AnalyticsEvent(engineEvent.Name, sessionKey, now, dimensions));
        }
    }
}
