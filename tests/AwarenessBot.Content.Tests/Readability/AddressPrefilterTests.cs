using AwarenessBot.Content.Readability;

namespace AwarenessBot.Content.Tests.Readability;

public sealed class AddressPrefilterTests
{
    [Theory]
    [InlineData("See https://example.org for more")]
    [InlineData("Visit canada.ca today.")]
    [InlineData("Visit CANADA.CA today.")]
    [InlineData("ftp://x")]
    public void Text_that_may_hold_an_address_is_not_filtered_out(string text) =>
        Assert.True(AddressPrefilter.MayContainAddress(text));

    [Theory]
    [InlineData("You are not alone. Talk to someone you trust.")]
    [InlineData("Call 1-800-555-0199. It is free.")]
    [InlineData("Ends with a dot.")]
    [InlineData("")]
    public void Text_without_an_address_is_filtered_out(string text) =>
        Assert.False(AddressPrefilter.MayContainAddress(text));

    [Fact]
    public void Clean_still_removes_addresses_and_keeps_plain_text()
    {
        Assert.Equal("Go to   now.", TextStatisticsCounter.Clean("Go to canada.ca now."));
        Assert.Equal("Stay safe. Talk to us.", TextStatisticsCounter.Clean("Stay safe. Talk to us."));
    }
}
