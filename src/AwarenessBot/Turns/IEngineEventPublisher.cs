using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>Forwards the engine's anonymous programme events to analytics, adding only the channel id.</summary>
internal interface IEngineEventPublisher
{
    void Publish(string? sessionKey, string channelId, IReadOnlyList<EngineEvent> events);
}
