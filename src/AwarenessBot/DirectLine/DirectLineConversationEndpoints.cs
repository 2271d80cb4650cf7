using System.Text.Json.Serialization;
using AwarenessBot.Limits;

namespace AwarenessBot.DirectLine;

/// <summary>Starting, resuming and re-tokening conversations (Direct Line 3.0: conversations and tokens).</summary>
internal static class DirectLineConversationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        var start = new LimitScope(perAddress: true, conversationStart: true);
        group.MapPost("/conversations", Start).WithMetadata(start);
        group.MapPost("/tokens/generate", Generate).WithMetadata(start);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapGet("/conversations/{conversationId}", Reconnect);
    }

    /// <summary>
    /// Without a token: a new conversation (201). With a token from <c>tokens/generate</c> or an earlier start: that
    /// conversation (201 the first time, then 200) — Web Chat posts here again with the token it was given. Of the
    /// body only <c>channelData.lesson</c> is read (a lesson link, see <see cref="ConversationStartContext"/>).
    /// </summary>
    private static async Task<IResult> Start(
        HttpContext http, DirectLineAccess access, DirectLineConversationStore store, DirectLineTurnProcessor processor,
        Microsoft.Extensions.Options.IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var startBody = await LimitedBody.ReadAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (startBody is null)
        {
            return DirectLineErrors.TooLarge(options.Value.MaxActivityBytes);
        }

        var (channelData, locale, problem) = ConversationStartContext.Read(startBody);
        if (problem is not null)
        {
            return DirectLineErrors.BadArgument(problem);
        }

        DirectLineConversation conversation;
        if (DirectLineAccess.BearerToken(http.Request) is { } token)
        {
            var check = access.Check(token, null);
            if (check.Error is not null)
            {
                return check.Error;
            }

            conversation = check.Conversation!;
        }
        else if (store.TryCreate() is { } created)
        {
            conversation = created;
        }
        else
        {
            return DirectLineErrors.Busy();
        }

        var isNew = !conversation.Started;
        processor.EnsureStarted(conversation, DirectLineUrls.ServiceUrl(http.Request), channelData, locale);
        var body = Describe(http.Request, conversation, access, watermark: null);
        return isNew ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
    }

    /// <summary>A token for a new conversation that starts (and greets) when the client first uses it.</summary>
    private static IResult Generate(HttpContext http, DirectLineConversationStore store, DirectLineAccess access) =>
        store.TryCreate() is { } conversation
            ? Results.Json(Describe(http.Request, conversation, access, watermark: null))
            : DirectLineErrors.Busy();

    /// <summary>A new token for the same conversation; the one presented stops working (after a short grace).</summary>
    private static IResult Refresh(HttpContext http, DirectLineAccess access)
    {
        var check = access.Check(DirectLineAccess.BearerToken(http.Request), null);
        return check.Error ?? Results.Json(Describe(http.Request, check.Conversation!, access, watermark: null));
    }

    /// <summary>Web Chat calls this to reconnect its WebSocket: a fresh token and a stream URL from the watermark.</summary>
    private static IResult Reconnect(string conversationId, string? watermark, HttpContext http, DirectLineAccess access)
    {
        var check = access.Check(DirectLineAccess.BearerToken(http.Request), conversationId);
        if (check.Error is not null)
        {
            return check.Error;
        }

        return DirectLineAccess.TryParseWatermark(watermark, out var from)
            ? Results.Json(Describe(http.Request, check.Conversation!, access, string.IsNullOrEmpty(watermark) ? null : from))
            : DirectLineErrors.BadArgument("The watermark is not valid.");
    }

    private static ConversationResponse Describe(HttpRequest request, DirectLineConversation conversation, DirectLineAccess access, long? watermark)
    {
        var issued = access.Issue(conversation);
        return new ConversationResponse(conversation.Id, issued.Token, issued.ExpiresInSeconds, DirectLineUrls.StreamUrl(request, conversation.Id, issued.Token, watermark));
    }

    private sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        string StreamUrl);
}
