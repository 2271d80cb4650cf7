using AwarenessBot.Channels.WhatsApp;

namespace AwarenessBot.Rendering;

/// <summary>The renderer for a channel, by its family (<see cref="ChannelCapabilities.Family"/>).</summary>
internal sealed class ReplyRenderers(ChannelWordingText wording)
{
    public IReplyRenderer For(string? channelId)
    {
        var capabilities = ChannelCapabilities.For(channelId);
        return capabilities.Family switch
        {
            ChannelFamily.PlainText => new PlainTextReplyRenderer(capabilities, wording),
            ChannelFamily.WhatsApp => new WhatsAppReplyRenderer(wording),
            _ => new RichReplyRenderer(capabilities, wording),
        };
    }
}
