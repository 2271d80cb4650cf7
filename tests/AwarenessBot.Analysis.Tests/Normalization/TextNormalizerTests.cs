using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Tests.Normalization;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Élève ÇA", new[] { "eleve", "ca" })]
    [InlineData("pleeease heeelp", new[] { "please", "help" })]
    [InlineData("didn't he'll", new[] { "didnt", "hel" })]
    [InlineData("sœur", new[] { "soeur" })]
    [InlineData("self-harm", new[] { "self", "harm" })]
    [InlineData("  ", new string[0])]
    public void Words_are_lower_case_accent_free_and_collapsed(string text, string[] expected)
    {
        Assert.Equal(expected, TextNormalizer.Words(text));
    }

    [Fact]
    public void Punctuation_starts_a_new_clause()
    {
        var normalized = TextNormalizer.Normalize("no. he hit me");

        Assert.NotEqual(normalized.Tokens[0].Clause, normalized.Tokens[1].Clause);
        Assert.Equal(normalized.Tokens[1].Clause, normalized.Tokens[3].Clause);
    }

    [Fact]
    public void Original_span_maps_back_through_accents_and_runs()
    {
        const string text = "Ça   vaaaa";
        var normalized = TextNormalizer.Normalize(text);

        var (start, length) = normalized.OriginalSpan(1, 1);

        Assert.Equal("vaaaa", text.Substring(start, length));
    }
}
