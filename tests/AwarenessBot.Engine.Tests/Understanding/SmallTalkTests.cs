using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>A greeting or a thanks in front of a request is courtesy: the request is what the message says.</summary>
public sealed class SmallTalkTests
{
    private static readonly IntentMatcher Matcher = new(IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds)));

    [Theory]
    [InlineData("hola buenas noches", "greeting")]
    [InlineData("hi there", "greeting")]
    [InlineData("magandang gabi po", "greeting")]
    [InlineData("thanks so much for the help", "thanks")]
    public void Small_talk_alone_is_small_talk(string text, string intent)
    {
        Assert.Equal(intent, Matcher.Match(text)[0].Intent);
    }

    [Theory]
    [InlineData("Hola buenas noches, la casa donde vivimos en Simcoe tiene chinches y no hay agua caliente")]
    [InlineData("magandang gabi po, sa Iqaluit po ako nagtatrabaho sa hotel. ano po ba dapat kong malaman sa rights ko dito")]
    [InlineData("hi, my boss has kept my passport since i arrived and says he will give it back at the end")]
    public void A_greeting_before_a_request_does_not_answer_it(string text)
    {
        Assert.DoesNotContain(Matcher.Match(text), m => IntentCatalog.IsSmallTalk(m.Intent));
    }
}
