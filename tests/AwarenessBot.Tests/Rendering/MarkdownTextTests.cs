using AwarenessBot.Rendering;

namespace AwarenessBot.Tests.Rendering;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Name\nCall: 911", "Name  \nCall: 911")]
    [InlineData("One.\n\nTwo.", "One.\n\nTwo.")]
    [InlineData("Already hard  \nbreak", "Already hard  \nbreak")]
    [InlineData("No break", "No break")]
    public void Single_line_breaks_become_hard_breaks_and_paragraphs_stay(string text, string expected) =>
        Assert.Equal(expected, MarkdownLineBreaks.Harden(text));

    [Theory]
    [InlineData("Call: [1-833-900-1010](tel:+18339001010)", "Call: 1-833-900-1010")]
    [InlineData("Text: [686868](sms:686868)", "Text: 686868")]
    [InlineData("See [the hotline](https://example.org/chat)", "See the hotline (https://example.org/chat)")]
    [InlineData("**Bold** words", "Bold words")]
    public void Plain_text_keeps_numbers_as_published_and_writes_links_out(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownToPlain.Convert(markdown));
}
