using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>
/// Marks every message of a turn that answered a risk with <c>channelData.triage</c> {category, severity (high |
/// check_in), rule}: the web page shows an emergency banner from it. The engine decides (this message's signal, or
/// evidence built over the conversation); nothing of the person's text is in it.
/// </summary>
internal static class TriageChannelData
{
    public const string Key = "triage";

    public static IReadOnlyList<OutgoingMessage> Mark(IReadOnlyList<OutgoingMessage> messages, CrisisSignal triage)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(triage);
        return [.. messages.Select(m => m.Kind == OutgoingKind.Message ? m with { ChannelData = With(m.ChannelData, triage) } : m)];
    }

    private static JsonObject With(JsonObject? channelData, CrisisSignal triage)
    {
        var data = channelData?.DeepClone().AsObject() ?? [];
        data[Key] = new JsonObject
        {
            ["category"] = triage.Category,
            ["severity"] = triage.Severity,
            ["rule"] = triage.Rule,
        };
        return data;
    }
}
