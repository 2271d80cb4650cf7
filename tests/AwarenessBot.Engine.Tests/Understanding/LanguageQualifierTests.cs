using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Runtime;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>A language named beside a need qualifies the need ("a lawyer who speaks Spanish"); alone it switches.</summary>
public sealed class LanguageQualifierTests
{
    private static readonly Lazy<(IntentMatcher Matcher, IntentRouter Router)> Parts = new(() =>
    {
        var (report, flows) = FlowValidator.Run(Paths.Dialogs, null, null, Paths.Intents);
        Assert.True(report.IsValid, report.ToString());
        var catalog = new FlowCatalog(flows, new FakeContentRepository(), IntentCatalog.Load(Paths.Intents));
        return (new IntentMatcher(IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds))), new IntentRouter(catalog));
    });

    [Theory]
    [InlineData("un abogado de inmigracion que hable español")]
    [InlineData("my boss kept my passport, can someone help me in spanish")]
    [InlineData("necesito un consejero en español para mi hijo")]
    public void A_need_with_a_language_opens_the_need(string text)
    {
        var chosen = Parts.Value.Router.Choose(Parts.Value.Matcher.Match(text), null);

        Assert.NotNull(chosen);
        Assert.NotEqual(FlowCatalog.Language, chosen.Flow?.Id);
    }

    [Theory]
    [InlineData("english please")]
    [InlineData("en español por favor")]
    public void A_language_alone_switches(string text)
    {
        Assert.Equal(FlowCatalog.Language, Parts.Value.Router.Choose(Parts.Value.Matcher.Match(text), null)?.Flow?.Id);
    }

    /// <summary>
    /// nav29: the text itself asked for in a language, with who it is for beside it ("her mom", "mi hijo", "el patron"),
    /// had opened that other topic; a language named after "in" with a word that points at the text switches.
    /// </summary>
    [Theory]
    [InlineData("Do you have this in French? I want to send it to her mom", "fr")]
    [InlineData("Is there a version in French for our FSL colleagues?", "fr")]
    [InlineData("me lo puede mandar en ingles para mi hijo mayor?", "en")]
    [InlineData("tambien tengo alumnos filipinos, lo tienen en tagalo?", "tl")]
    [InlineData("Répondez en espagnol svp, c'est pour mon collègue mexicain", "es")]
    public void The_text_asked_in_a_language_switches_to_it(string text, string locale)
    {
        var chosen = Parts.Value.Router.Choose(Parts.Value.Matcher.Match(text), null);

        Assert.Equal(FlowCatalog.Language, chosen?.Flow?.Id);
        Assert.Equal(locale, chosen!.Trigger!.Values["locale"]);
    }
}
