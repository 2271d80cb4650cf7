using System.Globalization;

namespace AwarenessBot.Channels;

/// <summary>A clear 4xx for a provider webhook (the same JSON shape as /api/messages' errors); never the caller's input.</summary>
internal static class ChannelProblem
{
    public static IResult Status(int status, string message) =>
        Results.Json(new { error = new { code = status.ToString(CultureInfo.InvariantCulture), message } }, statusCode: status);

    /// <summary>Kestrel reads the per-endpoint body limit from this metadata (chunked bodies have no Content-Length).</summary>
    public sealed class BodyLimit(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = limit;
    }
}
