using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>
/// nav26: a phrase whose "not" is only stop words ("je ne veux pas le dire" is the word "dire") is found only in a
/// message that says "not" too; "do" (what "dont" is read as, beside "not") is no negation, so "do they speak spanish"
/// is not such a phrase. Real seeds, phrases only (no model).
/// </summary>
public sealed class NegatedPhraseTests
{
    private static readonly Lazy<IntentMatcher> Matcher = new(() => new IntentMatcher(IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds))));

    [Theory]
    [InlineData("vas-tu le dire à ma mère", "fr")]
    [InlineData("i want to say thank you", "en")]
    public void A_message_without_a_not_does_not_find_a_phrase_that_says_not(string text, string locale) =>
        Assert.DoesNotContain(Matcher.Value.Match(text, locale), m => m.Intent == "skip");

    [Theory]
    [InlineData("je veux pas le dire", "fr")]
    [InlineData("i don't want to say", "en")]
    [InlineData("i dont want to say", "en")]
    public void A_message_that_says_not_finds_it(string text, string locale) =>
        Assert.Contains(Matcher.Value.Match(text, locale), m => m.Intent == "skip");

    [Fact]
    public void Do_is_no_negation() =>
        Assert.DoesNotContain("do", Matcher.Value.Catalog.Languages.Negations);
}
