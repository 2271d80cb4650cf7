using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Tests.Understanding;

public sealed class TokenSimilarityTests
{
    [Theory]
    [InlineData("photo", "photos", true)]
    [InlineData("threaten", "threatened", true)]
    [InlineData("work", "worker", true)]
    [InlineData("trabajo", "trabajador", true)]
    [InlineData("pasport", "passport", true)]
    [InlineData("passport", "passeport", true)]
    [InlineData("metis", "metiers", false)]
    [InlineData("pay", "paid", false)]
    [InlineData("stop", "step", false)]
    [InlineData("help", "hell", false)]
    // A four-letter word cuts little off a longer one (nav31: "pasa", it happens, was "pasaporte").
    [InlineData("pasa", "pasaporte", false)]
    [InlineData("work", "working", true)]
    [InlineData("nude", "nudes", true)]
    public void Words_are_similar_by_stem_or_one_typo(string a, string b, bool expected)
    {
        Assert.Equal(expected, TokenSimilarity.Similar(a, b));
        Assert.Equal(expected, TokenSimilarity.Similar(b, a));
    }
}
