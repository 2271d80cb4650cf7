using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Rendering;

/// <summary>Turns one turn's replies into the activities a channel family shows, in order.</summary>
internal interface IReplyRenderer
{
    IReadOnlyList<Activity> Render(IReadOnlyList<BotReply> replies);
}
