using System.Text.Json.Serialization;
using AwarenessBot.Limits;
using AwarenessBot.Storage.WebChannel;

namespace AwarenessBot.DirectLine;

/// <summary>Starting, resuming and re-tokening conversations (Direct Line 3.0: conversations and tokens).</summary>
internal static class DirectLineConversationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        var start = new LimitScope(perAddress: true, conversationStart: true);
        group.MapPost("/conversations", StartAsync).WithMetadata(start);
        group.MapPost("/tokens/generate", GenerateAsync).WithMetadata(start);
        group.MapPost("/tokens/refresh", RefreshAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
    }

    /// <summary>
    /// Without a token: a new conversation (201). With a token from <c>tokens/generate</c> or an earlier start: that
    /// conversation (201 the first time, then 200) — Web Chat posts here again with the token it was given. Of the
    /// body only <c>channelData.lesson</c> is read (a lesson link, see <see cref="ConversationStartContext"/>).
    /// </summary>
    private static async Task<IResult> StartAsync(
        HttpContext http, DirectLineAccess access, DirectLineTurnProcessor processor,
        Microsoft.Extensions.Options.IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var startBody = await LimitedBody.ReadAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (startBody is null)
        {
            return DirectLineErrors.TooLarge(options.Value.MaxActivityBytes);
        }

        var (lesson, locale, problem) = ConversationStartContext.Read(startBody);
        if (problem is not null)
        {
            return DirectLineErrors.BadArgument(problem);
        }

        WebConversation conversation;
        if (DirectLineAccess.BearerToken(http.Request) is { } token)
        {
            var check = await access.CheckAsync(token, null, cancellationToken);
            if (check.Error is not null)
            {
                return check.Error;
            }

            conversation = check.Conversation!;
        }
        else if (await access.TryCreateAsync(cancellationToken) is { } created)
        {
            conversation = created;
        }
        else
        {
            return DirectLineErrors.Busy();
        }

        var isNew = await processor.EnsureStartedAsync(conversation, DirectLineUrls.ServiceUrl(http.Request), cancellationToken, lesson, locale);
        var body = await DescribeAsync(http.Request, conversation, access, watermark: null, cancellationToken);
        return isNew ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
    }

    /// <summary>A token for a new conversation that starts (and greets) when the client first uses it.</summary>
    private static async Task<IResult> GenerateAsync(HttpContext http, DirectLineAccess access, CancellationToken cancellationToken) =>
        await access.TryCreateAsync(cancellationToken) is { } conversation
            ? Results.Json(await DescribeAsync(http.Request, conversation, access, watermark: null, cancellationToken))
            : DirectLineErrors.Busy();

    /// <summary>A new token for the same conversation; the one presented stops working (after a short grace).</summary>
    private static async Task<IResult> RefreshAsync(HttpContext http, DirectLineAccess access, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(DirectLineAccess.BearerToken(http.Request), null, cancellationToken);
        return check.Error ?? Results.Json(await DescribeAsync(http.Request, check.Conversation!, access, watermark: null, cancellationToken));
    }

    /// <summary>Web Chat calls this to reconnect its WebSocket: a fresh token and a stream URL from the watermark.</summary>
    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext http, DirectLineAccess access, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(DirectLineAccess.BearerToken(http.Request), conversationId, cancellationToken);
        if (check.Error is not null)
        {
            return check.Error;
        }

        return DirectLineAccess.TryParseWatermark(watermark, out var from)
            ? Results.Json(await DescribeAsync(http.Request, check.Conversation!, access, string.IsNullOrEmpty(watermark) ? null : from, cancellationToken))
            : DirectLineErrors.BadArgument("The watermark is not valid.");
    }

    private static async Task<ConversationResponse> DescribeAsync(
        HttpRequest request, WebConversation conversation, DirectLineAccess access, long? watermark, CancellationToken cancellationToken)
    {
        var issued = await access.IssueAsync(conversation, cancellationToken);
        return new ConversationResponse(conversation.Id, issued.Token, issued.ExpiresInSeconds, DirectLineUrls.StreamUrl(request, conversation.Id, issued.Token, watermark));
    }

    private sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        string StreamUrl);
}
