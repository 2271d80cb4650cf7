using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>
/// Marks every message of a turn that answered a risk with <c>channelData.triage</c> {category, severity (high |
/// check_in), rule}: the web page shows an emergency banner from it. The engine decides (this message's signal, or
/// evidence built over the conversation); nothing of the person's text is in it.
/// </summary>
internal static class TriageChannelData
{
    public static IReadOnlyList<OutgoingMessage> Mark(IReadOnlyList<OutgoingMessage> messages, CrisisSignal triage)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(triage);
        var marked = new OutgoingMessage[messages.Count];
        for (var i = 0; i < marked.Length; i++)
        {
            var m = messages[i];
            marked[i] = m.Kind == OutgoingKind.Message
                ? m with { ChannelData = m.ChannelData is { } data ? data with { Triage = triage } : new MessageChannelData { Triage = triage } }
                : m;
        }

        return marked;
    }
}
