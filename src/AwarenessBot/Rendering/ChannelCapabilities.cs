using System.Collections.Frozen;

namespace AwarenessBot.Rendering;

/// <summary>Which renderer turns the engine's replies into messages for a channel.</summary>
internal enum ChannelFamily
{
    /// <summary>Web Chat, Direct Line, the Emulator and other Bot Framework channels with buttons (RichReplyRenderer).</summary>
    Rich,
    /// <summary>Microsoft Teams: the rich renderer with Teams' rules (three imBack suggested actions, messageBack cards).</summary>
    Teams,
    /// <summary>SMS, email and other text-only channels: plain text and numbered choices (PlainTextReplyRenderer).</summary>
    PlainText,
    /// <summary>The WhatsApp Cloud API channel: Cloud API messages, reply buttons and lists (WhatsAppReplyRenderer).</summary>
    WhatsApp,
}

/// <summary>
/// What each Bot Framework channel can show, from the SDK's own choice rendering (ChannelSupportsSuggestedActions /
/// ChannelSupportsCardActions) and the channels' documented limits. Unknown channels get the most cautious row.
/// </summary>
/// <param name="MaxSuggestedActions">0 when the channel has no suggested actions.</param>
/// <param name="MaxCardButtons">0 when the channel shows no hero-card buttons.</param>
/// <param name="Markdown">The channel renders **bold** and [links](url).</param>
/// <param name="PlainTextOnly">Send textFormat "plain" and no Markdown at all (SMS, WhatsApp).</param>
/// <param name="MaxMessageLength">Split longer messages (SMS concatenates up to 10 segments, about 1,600 characters).</param>
/// <param name="SupportsEndOfConversation">The channel understands an endOfConversation activity.</param>
/// <param name="MessageBack">Buttons can send a stable value while showing the label (messageBack); elsewhere
/// buttons send their label (imBack), which the engine also recognises.</param>
/// <param name="SuggestedActionsImBackOnly">Suggested actions accept only imBack (Teams); card buttons still use messageBack.</param>
/// <param name="Family">The renderer for the channel.</param>
internal sealed record ChannelCapabilities(
    int MaxSuggestedActions,
    int MaxCardButtons,
    bool Markdown,
    bool PlainTextOnly,
    int MaxMessageLength,
    bool SupportsEndOfConversation,
    bool MessageBack = false,
    bool SuggestedActionsImBackOnly = false,
    ChannelFamily Family = ChannelFamily.Rich)
{
    private static readonly ChannelCapabilities Rich = new(100, 100, Markdown: true, PlainTextOnly: false, 4000, SupportsEndOfConversation: true, MessageBack: true);
    private static readonly ChannelCapabilities TextOnly = new(0, 0, Markdown: false, PlainTextOnly: true, 1600, SupportsEndOfConversation: false, Family: ChannelFamily.PlainText);

    private static readonly FrozenDictionary<string, ChannelCapabilities> Table = new Dictionary<string, ChannelCapabilities>(StringComparer.OrdinalIgnoreCase)
    {
        ["webchat"] = Rich,
        ["directline"] = Rich,
        ["emulator"] = Rich,
        ["test"] = Rich,
        ["telegram"] = Rich with { SupportsEndOfConversation = false, MessageBack = false },
        ["facebook"] = new(10, 3, Markdown: false, PlainTextOnly: false, 2000, SupportsEndOfConversation: false),
        ["line"] = new(13, 99, Markdown: false, PlainTextOnly: false, 2000, SupportsEndOfConversation: false),
        ["msteams"] = new(3, 50, Markdown: true, PlainTextOnly: false, 4000, SupportsEndOfConversation: false, MessageBack: true, SuggestedActionsImBackOnly: true, Family: ChannelFamily.Teams),
        ["slack"] = new(0, 100, Markdown: true, PlainTextOnly: false, 4000, SupportsEndOfConversation: false),
        ["sms"] = TextOnly,
        ["twilio-sms"] = TextOnly,
        ["email"] = TextOnly with { MaxMessageLength = 10000 },
        ["whatsapp"] = TextOnly with { MaxMessageLength = 4096 },
        // The direct Cloud API channel (Channels/WhatsApp): choices become reply buttons (≤ 3) or a list (≤ 10).
        ["whatsapp-cloud"] = new(10, 3, Markdown: false, PlainTextOnly: true, 4096, SupportsEndOfConversation: false, MessageBack: true, Family: ChannelFamily.WhatsApp),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static ChannelCapabilities For(string? channelId) =>
        channelId is not null && Table.TryGetValue(channelId, out var capabilities) ? capabilities : TextOnly;

    public static IEnumerable<string> KnownChannels => Table.Keys;
}
