using System.Globalization;

namespace AwarenessBot.DirectLine;

/// <summary>
/// URLs the channel hands out, built from the request (behind a reverse proxy, the host must apply forwarded headers
/// so that scheme and host are the public ones).
/// </summary>
internal static class DirectLineUrls
{
    public const string BasePath = "/v3/directline";

    /// <summary>The host's own base URL, used as the activities' <c>serviceUrl</c>.</summary>
    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary>The WebSocket URL; browsers cannot set headers on a WebSocket, so the token rides in <c>t</c>.</summary>
    public static string StreamUrl(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var scheme = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } value ? url + "&watermark=" + value.ToString(CultureInfo.InvariantCulture) : url;
    }
}
