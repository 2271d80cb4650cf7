using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>Issue 12: the same-meaning words of seeds/intents/&lt;locale&gt;.yaml are read as the word the phrases use.</summary>
public sealed class SameWordsTests
{
    private static readonly IntentCatalog Catalog = IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds));

    [Fact]
    public void Words_and_phrases_of_the_message_language_are_read_as_the_word_the_phrases_use()
    {
        var es = IntentLanguages.Bit("es");
        Assert.Equal(["el", "patron", "no", "me", "paga"], Catalog.SameWords.Read(Catalog.Words.Tokens("el mayordomo no me paga"), es));
        Assert.Equal(["el", "patron", "se", "quedo"], Catalog.SameWords.Read(Catalog.Words.Tokens("el mero mero se quedó"), es));
        // Another language's words are left as typed when the message's language is known; unknown, any language's count.
        Assert.Equal(["le", "contremaitre"], Catalog.SameWords.Read(Catalog.Words.Tokens("le contremaître"), es));
        Assert.Equal(["le", "patron"], Catalog.SameWords.Read(Catalog.Words.Tokens("le contremaître"), 0));
    }

    [Fact]
    public void A_boss_word_no_phrase_lists_decides_the_intent_as_the_phrases_word_would()
    {
        var matcher = new IntentMatcher(Catalog);
        var tokens = Catalog.Words.Tokens("quiero denunciar al mayordomo porque no paga");

        var matches = matcher.MatchTokens(tokens, language: "es");

        Assert.Equal("worker_report", matches[0].Intent);
    }

    /// <summary>Stop 36: "jowa" (a boyfriend, in Tagalog texting) was no word of any phrase.</summary>
    [Fact]
    public void A_tagalog_jowa_is_read_as_boyfriend()
    {
        var tl = IntentLanguages.Bit("tl");

        Assert.Equal(["yung", "matandang", "boyfriend", "niya"], Catalog.SameWords.Read(Catalog.Words.Tokens("yung matandang jowa nya"), tl));
    }
}
