using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.Rendering;

/// <summary>Turns one turn's replies into the messages a channel family shows, in order.</summary>
internal interface IReplyRenderer
{
    IReadOnlyList<OutgoingMessage> Render(IReadOnlyList<BotReply> replies);
}
