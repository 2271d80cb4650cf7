using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Language;

public sealed class LanguageIdentifierTests
{
    [Theory]
    [InlineData("I need some information about my rights at work, please", "en")]
    [InlineData("my friend said I could ask questions here without giving my name", "en")]
    [InlineData("J'ai besoin d'information sur mes droits au travail, s'il vous plaît", "fr")]
    [InlineData("mon amie m'a dit que je pouvais poser des questions ici", "fr")]
    [InlineData("Necesito información sobre mis derechos en el trabajo, por favor", "es")]
    [InlineData("mi amiga me dijo que aquí puedo hacer preguntas sin dar mi nombre", "es")]
    [InlineData("Kailangan ko ng impormasyon tungkol sa mga karapatan ko sa trabaho", "tl")]
    [InlineData("sabi ng kaibigan ko pwede raw akong magtanong dito nang hindi sinasabi ang pangalan ko", "tl")]
    public void Identifies_clear_sentences_with_confidence(string text, string expected)
    {
        var analysis = Seeds.Analyzer.Analyze(text);

        Assert.Equal(expected, analysis.Language);
        Assert.True(analysis.LanguageConfidence >= 0.8, $"confidence {analysis.LanguageConfidence:F2}");
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("ok")]
    [InlineData("oui")]
    public void Short_messages_get_low_confidence(string text)
    {
        Assert.True(Seeds.Analyzer.Analyze(text).LanguageConfidence < 0.5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123 !!! :)")]
    public void Text_without_letters_is_undetermined(string text)
    {
        var analysis = Seeds.Analyzer.Analyze(text);

        Assert.Equal("und", analysis.Language);
        Assert.Equal(0, analysis.LanguageConfidence);
    }
}
