using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>
/// nav29: Tagalog pronouns are stop words, so a phrase whose meaning lies in them is left with its verb alone. The
/// privacy questions "ire report ba nila ako" and "ire report nyo ba ako" (will they / will you report me) were the
/// words "ire report", which every "ire-report" has: "paano ko sila ire-report" (how do I report them) got the
/// services' privacy answer. They are written with the one-word verb ("irereport ba nila ako").
/// </summary>
public sealed class PronounPhraseTests
{
    private static readonly Lazy<IntentMatcher> Matcher = new(() => new IntentMatcher(IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds))));

    [Theory]
    [InlineData("paano ko sila ire-report")]
    [InlineData("saan ire-report")]
    public void Asking_how_to_report_is_not_the_privacy_question(string text)
    {
        var matches = Matcher.Value.Match(text, "tl");

        Assert.NotEmpty(matches);
        Assert.Equal("worker_report", matches[0].Intent);
    }

    [Fact]
    public void Will_they_report_me_is_still_the_privacy_question()
    {
        var matches = Matcher.Value.Match("irereport ba nila ako", "tl");

        Assert.NotEmpty(matches);
        Assert.Equal("service_privacy", matches[0].Intent);
    }
}
