using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>The WebSocket stream at <c>streamUrl</c>: token in <c>t</c>, optional <c>watermark</c> to resume from.</summary>
internal static class DirectLineStreamEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);

    private static async Task<IResult> StreamAsync(
        string conversationId,
        string? t,
        string? watermark,
        HttpContext http,
        DirectLineAccess access,
        IWebChannelStore store,
        IOptions<DirectLineOptions> options,
        TimeProvider time)
    {
        var check = await access.CheckAsync(t, conversationId, http.RequestAborted);
        if (check.Error is not null)
        {
            return check.Error;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadArgument("A WebSocket request is required.");
        }

        if (!DirectLineAccess.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadArgument("The watermark is not valid.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var stream = new DirectLineStream(socket, store, check.Conversation!.Id, options.Value.KeepAliveInterval, time);
        await stream.RunAsync(from, http.RequestAborted);
        return Results.Empty;
    }
}
