using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>
/// nav29: between two phrases found as strongly, the one whose words stand together wins over one made of words
/// scattered through the message. A daughter who "a besoin de parler à quelqu'un" after being exploited online got the
/// online-safety menu: "quelqu'un en ligne" (someone online) was read from the first and last words of the message.
/// </summary>
public sealed class ScatteredPhraseTests
{
    private static readonly Lazy<IntentMatcher> Matcher = new(() => new IntentMatcher(IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds))));

    [Theory]
    [InlineData("jai besoin de parler a quelquun apres ce qui mest arrivé en ligne", "need_counselling")]
    [InlineData("ma fille s'est fait exploiter en ligne et elle ne va pas bien, elle a besoin de parler à quelqu'un", "need_counselling")]
    [InlineData("quelqu'un en ligne me demande de parler de ma vie", "online_safety")]
    public void The_phrase_found_together_wins_a_tie(string text, string intent)
    {
        var matches = Matcher.Value.Match(text, "fr");

        Assert.NotEmpty(matches);
        Assert.Equal(intent, matches[0].Intent);
    }
}
