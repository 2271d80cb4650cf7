using AwarenessBot.Rendering;

namespace AwarenessBot.Tests.Rendering;

public sealed class ChannelCapabilitiesTests
{
    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("test")]
    public void Web_channels_have_suggested_actions_markdown_message_back_and_end_of_conversation(string channel)
    {
        var capabilities = ChannelCapabilities.For(channel);

        Assert.True(capabilities.MaxSuggestedActions >= 14, "the region question has 14 choices");
        Assert.True(capabilities.Markdown);
        Assert.False(capabilities.PlainTextOnly);
        Assert.True(capabilities.MessageBack);
        Assert.True(capabilities.SupportsEndOfConversation);
    }

    [Fact]
    public void Teams_shows_three_suggested_actions_and_more_as_card_buttons()
    {
        var teams = ChannelCapabilities.For("msteams");

        Assert.Equal(3, teams.MaxSuggestedActions);
        Assert.True(teams.MaxCardButtons >= 14);
        Assert.False(teams.SupportsEndOfConversation);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("twilio-sms")]
    [InlineData("whatsapp")]
    [InlineData("some-new-channel")]
    [InlineData(null)]
    public void Text_channels_and_unknown_ones_get_plain_text_only(string? channel)
    {
        var capabilities = ChannelCapabilities.For(channel);

        Assert.True(capabilities.PlainTextOnly);
        Assert.False(capabilities.Markdown);
        Assert.Equal(0, capabilities.MaxSuggestedActions);
        Assert.Equal(0, capabilities.MaxCardButtons);
        Assert.False(capabilities.SupportsEndOfConversation);
    }

    [Theory]
    [InlineData("webchat", "Rich")]
    [InlineData("emulator", "Rich")]
    [InlineData("msteams", "Teams")]
    [InlineData("sms", "PlainText")]
    [InlineData("twilio-sms", "PlainText")]
    [InlineData("whatsapp-cloud", "WhatsApp")]
    [InlineData("some-new-channel", "PlainText")]
    public void Each_channel_has_a_renderer_family(string channel, string family)
    {
        Assert.Equal(family, ChannelCapabilities.For(channel).Family.ToString());
    }

    [Fact]
    public void Channel_ids_are_matched_without_regard_to_case()
    {
        Assert.Same(ChannelCapabilities.For("webchat"), ChannelCapabilities.For("WebChat"));
    }

    [Fact]
    public void Sms_messages_stay_within_ten_segments()
    {
        Assert.Equal(1600, ChannelCapabilities.For("sms").MaxMessageLength);
    }
}
