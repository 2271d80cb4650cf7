using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Tests.Rendering;

public sealed class InlineMarkupTests
{
    [Fact]
    public void Content_marks_become_typed_runs()
    {
        var runs = InlineMarkup.Parse("Say **stop**, see [the guide](https://example.org) or {answer_hint}", _ => []);

        Assert.Equal<Inline>(
            [new TextRun("Say "), new StrongRun("stop"), new TextRun(", see "), new LinkRun("the guide", "https://example.org"), new TextRun(" or "), AnswerHintRun.Instance],
            runs);
    }

    [Fact]
    public void A_service_placeholder_becomes_the_runs_the_caller_gives()
    {
        var runs = InlineMarkup.Parse("Call {service:ca_911}.", id => [new StrongRun(id)]);

        Assert.Equal<Inline>([new TextRun("Call "), new StrongRun("ca_911"), new TextRun(".")], runs);
    }

    [Theory]
    [InlineData("a ** b")]
    [InlineData("[c] (d)")]
    [InlineData("[a link](with space)")]
    [InlineData("{count}")]
    public void Unclosed_or_unknown_marks_stay_text(string text)
    {
        Assert.Equal<Inline>([new TextRun(text)], InlineMarkup.Parse(text, _ => []));
    }
}
