using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Turns;

/// <summary>
/// A message's channelData, typed: <c>responseKey</c> (what was said, by key, for tests and analytics), <c>whatsapp</c>
/// (the Cloud API message, WhatsApp channel only) and <c>triage</c> (on the messages of a turn that answered a risk: the
/// page's emergency banner). Never the person's text.
/// <para>Why typed: it was a <c>JsonObject</c> made at rendering, deep-copied again for the triage mark and once more by
/// the Direct Line channel, then walked into a Newtonsoft tree for the SDK (≈ 6 % of a turn's bytes, perf15's
/// profile). Now it is a few references, and each channel writes its JSON once, in the order it always had:
/// responseKey, whatsapp, triage.</para>
/// </summary>
internal sealed record MessageChannelData
{
    public const string ResponseKeyName = "responseKey";
    public const string WhatsAppName = "whatsapp";
    public const string TriageName = "triage";

    /// <summary>The fields of <c>triage</c>, the same in the Direct Line and the SDK's JSON.</summary>
    public const string CategoryName = "category", SeverityName = "severity", RuleName = "rule";

    /// <summary>Null only on messages made without the engine (a test's scripted reply); renderers always set it.</summary>
    public string? ResponseKey { get; init; }

    /// <summary>The Cloud API message without its recipient; read by the WhatsApp channel, never changed after rendering.</summary>
    public JsonObject? WhatsApp { get; init; }

    public CrisisSignal? Triage { get; init; }

    /// <summary>The System.Text.Json form (the Direct Line channel's activity): new nodes, safe to attach to a tree.</summary>
    public JsonObject ToJsonObject()
    {
        var json = new JsonObject();
        if (ResponseKey is not null)
        {
            json[ResponseKeyName] = ResponseKey;
        }

        if (WhatsApp is not null)
        {
            json[WhatsAppName] = WhatsApp.DeepClone();
        }

        if (Triage is not null)
        {
            json[TriageName] = new JsonObject
            {
                [CategoryName] = Triage.Category,
                [SeverityName] = Triage.Severity,
                [RuleName] = Triage.Rule,
            };
        }

        return json;
    }
}
