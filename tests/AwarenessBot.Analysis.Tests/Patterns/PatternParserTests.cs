using AwarenessBot.Analysis.Patterns;

namespace AwarenessBot.Analysis.Tests.Patterns;

public sealed class PatternParserTests
{
    [Theory]
    [InlineData("locked me (in|up)", 3)]
    [InlineData("threat* ~4 (kill|hurt)", 2)]
    [InlineData("(kill|end) (myself|my life)", 2)]
    [InlineData("our [little] secret", 3)]
    [InlineData("peut-être", 2)]
    public void Valid_patterns_compile(string source, int elements)
    {
        var pattern = PatternParser.Parse(source, out var error);

        Assert.Null(error);
        Assert.Equal(elements, pattern.Elements.Length);
    }

    [Theory]
    [InlineData("(a|b", "unbalanced")]
    [InlineData("(a|(b)) c", "nested")]
    [InlineData("ki* me", "too short")]
    [InlineData("hurt me ~3", "end with a gap")]
    [InlineData("[maybe] hurt", "start with a required word")]
    [InlineData("~2 hurt", "start with a required word")]
    [InlineData("hurt ~12 me", "gap")]
    [InlineData("hurt|kill me", "brackets")]
    [InlineData("(to)? die", "followed by a space")]
    [InlineData("h*rt me", "may only end a word")]
    public void Invalid_patterns_explain_the_problem(string source, string expected)
    {
        PatternParser.Parse(source, out var error);

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
