using AwarenessBot.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Tests.DirectLine;

public sealed class DirectLineTokenServiceTests
{
    private static DirectLineTokenService Service(FakeTimeProvider time, string? secret = null) =>
        new(Options.Create(new DirectLineOptions { TokenSecret = secret, TokenLifetime = TimeSpan.FromMinutes(30) }), time);

    [Fact]
    public void A_token_names_its_conversation_and_is_valid_until_it_expires()
    {
        var time = TestClock.Create();
        var service = Service(time);
        var issued = service.Issue("conv-A");

        Assert.Equal(TokenCheck.Valid, service.Verify(issued.Token, out string conversationId));
        Assert.Equal("conv-A", conversationId);
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(TokenCheck.Expired, service.Verify(issued.Token, out string _));
    }

    [Fact]
    public void Changing_the_conversation_or_expiry_inside_a_token_breaks_its_signature()
    {
        var service = Service(TestClock.Create());
        var parts = service.Issue("conv-A").Token.Split('.');

        Assert.Equal(TokenCheck.Invalid, service.Verify($"conv-B.{parts[1]}.{parts[2]}.{parts[3]}", out string _));
        Assert.Equal(TokenCheck.Invalid, service.Verify($"conv-A.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 3600}.{parts[2]}.{parts[3]}", out string _));
        Assert.Equal(TokenCheck.Invalid, service.Verify($"conv-A.{parts[1]}.other-nonce.{parts[3]}", out string _));
        Assert.Equal(TokenCheck.Invalid, service.Verify("not-a-token", out string _));
    }

    [Fact]
    public void Tokens_survive_a_restart_only_with_a_configured_secret()
    {
        var time = TestClock.Create();
        var secret = new string('s', 40);
        var token = Service(time, secret).Issue("conv-A").Token;

        Assert.Equal(TokenCheck.Valid, Service(time, secret).Verify(token, out string _));
        Assert.Equal(TokenCheck.Invalid, Service(time).Verify(Service(time).Issue("conv-A").Token + "x", out string _));
        Assert.Equal(TokenCheck.Invalid, Service(time).Verify(Service(TestClock.Create()).Issue("conv-A").Token, out string _));
    }

    [Fact]
    public void Tokens_issued_in_the_same_second_differ()
    {
        var service = Service(TestClock.Create());

        Assert.NotEqual(service.Issue("conv-A").Token, service.Issue("conv-A").Token);
    }

    [Fact]
    public void The_options_validator_rejects_a_short_secret_and_unusable_limits_all_at_once()
    {
        var result = new DirectLineOptionsValidator().Validate(null, new DirectLineOptions { TokenSecret = "short", MaxConversations = 0, TokenLifetime = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
    }
}
