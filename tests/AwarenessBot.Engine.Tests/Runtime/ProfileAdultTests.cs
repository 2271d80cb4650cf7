using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Tests.Runtime;

/// <summary>
/// profile.adult, the one place the flows read "19+ or a worker" from (seeds/catalog.yaml `adult: true`): the same test
/// the services step uses to keep under-18 services away from adults. Parents and educators are not adult here: what
/// they read is about a child.
/// </summary>
public sealed class ProfileAdultTests
{
    [Theory]
    [InlineData(null, null, "false")]
    [InlineData("9-12", null, "false")]
    [InlineData("16-18", "youth", "false")]
    [InlineData("19+", null, "true")]
    [InlineData("19+", "youth", "true")]
    [InlineData(null, "worker", "true")]
    [InlineData("13-15", "worker", "true")]
    [InlineData(null, "educator", "false")]
    [InlineData("13-15", "parent", "false")]
    [InlineData(null, "concerned", "false")]
    public void Adult_is_an_adult_age_band_or_an_adult_audience(string? band, string? audience, string expected)
    {
        var ctx = Context(band, audience);
        Assert.Equal(expected, FieldAccess.Read(ctx, new DialogFrame(), FieldAccess.ProfileAdult));
        Assert.Equal(ctx.IsAdult, expected == "true");
    }

    [Fact]
    public void Writing_adult_changes_nothing()
    {
        var ctx = Context("13-15", null);
        var frame = new DialogFrame();
        FieldAccess.Write(ctx, frame, FieldAccess.ProfileAdult, "true");
        Assert.Equal("false", FieldAccess.Read(ctx, frame, FieldAccess.ProfileAdult));
        Assert.Equal("13-15", ctx.Profile.AgeBand);
        Assert.Null(frame.Values);
    }

    private static TurnContext Context(string? band, string? audience) =>
        new(new TurnInput(TurnKind.Message, "hi", "webchat", null, null, null, DateTimeOffset.UnixEpoch),
            new DialogSessionState(), new UserProfileState { AgeBand = band, Audience = audience }, "en");
}
