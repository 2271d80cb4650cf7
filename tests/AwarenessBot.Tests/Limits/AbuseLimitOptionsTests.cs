using AwarenessBot.Limits;

namespace AwarenessBot.Tests.Limits;

public sealed class AbuseLimitOptionsTests
{
    [Fact]
    public void Limits_that_switch_protection_off_are_refused_all_at_once()
    {
        var result = new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { RequestsPerAddress = 0, ConversationStartsPerAddress = -1, AddressWindow = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Proxy_settings_that_cannot_be_parsed_are_refused_at_start_up()
    {
        var options = new ClientAddressOptions { Enabled = true, ForwardLimit = 0 };
        options.KnownProxies.Add("not-an-address");
        options.KnownNetworks.Add("10.0.0.0/99");

        var result = new ClientAddressOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
    }
}
