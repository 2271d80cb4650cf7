using AwarenessBot.Analysis.Stemming;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Normalization;

/// <summary>The one normaliser shared by frames, model and intents, and the stemmers behind the rules.</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("PLEEEASE HELP", "please help")]
    [InlineData("i keep thinking about sucide", "i keep thinking about suicide")]
    [InlineData("he has a knfie", "he has a knife")]
    [InlineData("boss took my pasport", "boss took my passport")]
    [InlineData("send n00dz", "send nudes")]
    [InlineData("i wanna k1ll myself", "i want to kill myself")]
    [InlineData("thinking about unaliving myself ngl", "thinking about killing myself not going to lie")]
    [InlineData("kms rn", "kill myself right now")]
    [InlineData("chu tanné pis y'é à porte à soir", "je suis tanne puis il est a porte ce soir")]
    [InlineData("j'ai 14 ans", "j ai 14 ans")]
    [InlineData("Qu'est-ce que c'est", "qu est ce que c est")]
    [InlineData("didn't", "did not")]
    [InlineData("pinaghubad nya ako", "pinaghubad niya ako")]
    [InlineData("💊💊 tonight", "pills pills tonight")]
    [InlineData("he's outside 🔪", "he is outside knife")]
    public void Normalizes_like_people_write(string text, string expected)
    {
        Assert.Equal(expected, Seeds.Rules.Normalizer.Normalize(text).Joined);
    }

    [Theory]
    [InlineData("skill")]
    [InlineData("bridges")]
    public void Leaves_correct_everyday_words_alone(string word)
    {
        Assert.Equal(word, Seeds.Rules.Normalizer.Normalize(word).Joined);
    }

    [Fact]
    public void Keeps_spans_on_the_original_text()
    {
        var message = Seeds.Rules.Normalizer.Normalize("Héééé, il m'a frappé!");

        var token = Assert.Single(message.Tokens, t => t.Text == "frappe");
        Assert.Equal("frappé", "Héééé, il m'a frappé!".Substring(token.Start, token.Length));
        Assert.True(message.Tokens[^1].Clause > message.Tokens[0].Clause);
    }

    [Theory]
    [InlineData("tl", "ipopost", "post")]
    [InlineData("tl", "pinaghubad", "hubad")]
    [InlineData("tl", "babarilin", "baril")]
    [InlineData("tl", "sinabi", "sabi")]
    [InlineData("en", "threatening", "threaten")]
    [InlineData("fr", "menacé", "menac")]
    [InlineData("es", "amenazando", "amenaz")]
    public void Stems_per_language(string locale, string word, string stem)
    {
        Assert.Equal(stem, WordStemmer.Stem(locale, Seeds.Rules.Normalizer.Normalize(word).Tokens[0].Text));
    }
}
