using System.Text;
using AwarenessBot.DirectLine;
using Microsoft.AspNetCore.Http;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>
/// The body reader rents its buffer and sizes it by Content-Length, which is only a hint: a body longer than the
/// header says, or chunked past the first buffer, is read whole up to the limit and refused beyond it.
/// </summary>
public sealed class LimitedBodyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(10L)]
    public async Task A_body_longer_than_the_first_buffer_is_read_whole(long? contentLength)
    {
        var text = "é" + new string('x', 20_000);

        var body = await LimitedBody.ReadAsync(Request(text, contentLength), 64 * 1024, CancellationToken.None);

        Assert.Equal(text, body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(100L)]
    public async Task A_body_past_the_limit_is_refused_whatever_content_length_says(long? contentLength)
    {
        var body = await LimitedBody.ReadAsync(Request(new string('x', 1025), contentLength), 1024, CancellationToken.None);

        Assert.Null(body);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        var text = new string('x', 1024);

        Assert.Equal(text, await LimitedBody.ReadAsync(Request(text, null), 1024, CancellationToken.None));
    }

    private static HttpRequest Request(string text, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(text));
        context.Request.ContentLength = contentLength;
        return context.Request;
    }
}
