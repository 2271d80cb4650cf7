using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Tests.Runtime;

public sealed class LocaleResolverTests
{
    [Theory]
    [InlineData("es", true, "fr", "fr-CA", "es")]    // chosen wins over detection
    [InlineData("es", false, "fr", "en-CA", "fr")]   // then a confident detection
    [InlineData("tl", false, null, "fr-CA", "tl")]   // then what we knew
    [InlineData(null, false, null, "fr-CA", "fr")]   // then the channel's
    [InlineData(null, false, null, "de-DE", "en")]   // else English
    [InlineData(null, false, "de", null, "en")]      // unsupported detection is ignored
    public void Resolves_in_the_documented_order(string? profileLocale, bool chosen, string? detected, string? channel, string expected)
    {
        var input = new TurnInput(TurnKind.Message, "x", "webchat", channel, detected, null, DateTimeOffset.UnixEpoch);
        var profile = new UserProfileState { Locale = profileLocale, LocaleChosen = chosen };
        Assert.Equal(expected, LocaleResolver.Resolve(input, profile));
    }

    [Theory]
    [InlineData("Québec", "QC")]
    [InlineData("quebec", "QC")]
    [InlineData("QC", "QC")]
    [InlineData("qc", "QC")]
    [InlineData("Colombie-Britannique", "BC")]
    [InlineData("I live in nova scotia", "NS")]
    [InlineData("Terre-Neuve", "NL")]
    [InlineData("on", "ON")]
    [InlineData("I am on my way", null)]
    public void Regions_are_recognised_in_any_language(string text, string? expected)
    {
        var regions = RegionCatalog.Load(Path.Combine(Fakes.Paths.Intents, "regions.yaml"));
        Assert.Equal(expected, regions.Recognize(TextNormalizer.Normalize(text)));
    }
}
