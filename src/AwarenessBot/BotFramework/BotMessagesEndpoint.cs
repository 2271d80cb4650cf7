using AwarenessBot.DirectLine;
using AwarenessBot.Edge.Replies;
using AwarenessBot.Limits;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AwarenessBot.BotFramework;

/// <summary>
/// POST /api/messages: the Bot Framework Connector endpoint (Azure Bot Service channels, the Emulator).
/// CloudAdapter authenticates and handles deliveryMode "expectReplies"; this reads the body once and adds what it
/// lacks, in this order:
/// a size limit (413); the activity read and checked before the SDK sees it (400, see
/// <see cref="ConnectorActivityRules"/>); in anonymous mode, no sending anywhere but this machine (403, see
/// <see cref="AnonymousMode"/>); with an app id, a token that can be an RS256 Bot Connector JWT at all (401);
/// limits per conversation and per user (429); and a 401, or a 503 when the signing keys cannot be fetched, instead
/// of a 500 when the SDK's token validation throws. Every error body is <c>{"error":{"code","message"}}</c>.
/// </summary>
internal static class BotMessagesEndpoint
{
    /// <summary>Bot Framework activities are small; 256 KB leaves room for attachments' metadata, not for abuse.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync)
            .WithMetadata(new RequestSizeLimitAttributeMetadata(MaxBodyBytes))
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext http,
        AwarenessAdapter adapter,
        IBot bot,
        AnonymousModeSetting anonymousMode,
        IOptions<DirectLineOptions> directLine,
        MessageRateLimiter limiter,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(BotMessagesEndpoint));
        string? body;
        try
        {
            body = await LimitedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            await ProblemAsync(http, exception.StatusCode, "BadRequest", "The request could not be read.").ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.").ConfigureAwait(false);
            return;
        }

        if (ConnectorActivityJson.TryDeserialize(body) is not { } activity)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "BadArgument", "The body is not a valid activity (JSON object expected).").ConfigureAwait(false);
            return;
        }

        if (ConnectorActivityRules.Problem(activity, directLine.Value.MaxTextLength) is { } problem)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "BadArgument", problem).ConfigureAwait(false);
            return;
        }

        var anonymous = anonymousMode.IsOn;
        if (anonymous && AnonymousMode.Problem(activity.ServiceUrl, activity.DeliveryMode, http) is { } refusal)
        {
            logger.LogWarning("Refused an anonymous /api/messages request on channel {ChannelId}: serviceUrl or caller not local", activity.ChannelId);
            await ProblemAsync(http, StatusCodes.Status403Forbidden, "Forbidden", refusal).ConfigureAwait(false);
            return;
        }

        if (!anonymous && !CanBeBotConnectorToken(http.Request.Headers.Authorization.ToString()))
        {
            logger.LogWarning("Rejected /api/messages request: no RS256 bearer token");
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using (var lease = limiter.Acquire(activity.ChannelId, activity.Conversation.Id, activity.From.Id))
        {
            if (!lease.IsAcquired)
            {
                http.Response.Headers.RetryAfter = AbuseLimits.RetryAfterSeconds(lease, limiter.Window);
                await ProblemAsync(http, StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many messages; wait a moment.").ConfigureAwait(false);
                return;
            }
        }

        // The activity checked above goes to the adapter as it is: what CloudAdapter.ProcessAsync does after reading
        // the body (authenticate, run the turn, write the expectReplies or invoke answer), without parsing it again.
        try
        {
            var answer = await adapter.ProcessCheckedActivityAsync(http.Request.Headers.Authorization.ToString(), activity, bot, http.RequestAborted).ConfigureAwait(false);
            await WriteAnswerAsync(http.Response, answer, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsSigningKeysUnavailable(exception) && !http.Response.HasStarted)
        {
            logger.LogError("Could not validate a Bot Connector token: signing keys unavailable ({ExceptionType})", exception.GetType().Name);
            http.Response.Clear();
            http.Response.Headers.RetryAfter = "30";
            await ProblemAsync(http, StatusCodes.Status503ServiceUnavailable, "AuthenticationUnavailable", "The bot cannot validate tokens right now (signing keys unavailable); try again later.").ConfigureAwait(false);
        }
        catch (Exception exception) when (IsAuthenticationFailure(exception) && !http.Response.HasStarted)
        {
            logger.LogWarning("Rejected /api/messages request: {ExceptionType}", exception.GetType().Name);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>
    /// What the SDK's <c>HttpHelper.WriteResponseAsync</c> does with the adapter's answer (no answer: 200; otherwise
    /// its status and, if any, its body as JSON), with the body written unindented straight into the response's buffer
    /// (<see cref="ConnectorReplyJson"/>) instead of pretty-printed into a MemoryStream and copied.
    /// </summary>
    private static async Task WriteAnswerAsync(HttpResponse response, InvokeResponse? answer, CancellationToken cancellationToken)
    {
        if (answer is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = answer.Status;
        if (answer.Body is null)
        {
            return;
        }

        response.ContentType = "application/json";
        ConnectorReplyJson.Write(answer.Body, response.BodyWriter);
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Bot Connector and Emulator tokens are RS256 JWTs; anything else (no header, another scheme, alg none, HS256,
    /// not a JWT) cannot pass the SDK's validation, so it is refused here without fetching signing keys.
    /// </summary>
    public static bool CanBeBotConnectorToken(string authorization)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length > 16 * 1024)
        {
            return false;
        }

        var token = authorization[scheme.Length..].Trim();
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return false;
        }

        try
        {
            return string.Equals(handler.ReadJsonWebToken(token).Alg, "RS256", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The OpenID metadata or signing keys could not be fetched (IDX20803 and friends): the bot cannot judge the token.</summary>
    private static bool IsSigningKeysUnavailable(Exception exception) =>
        exception is InvalidOperationException { Message: var message } && message.Contains("IDX20803", StringComparison.Ordinal)
        || exception is HttpRequestException
        || (exception.InnerException is { } inner && IsSigningKeysUnavailable(inner));

    /// <summary>Malformed tokens surface as JWT parsing errors or argument errors from the token handlers.</summary>
    private static bool IsAuthenticationFailure(Exception exception) => exception is UnauthorizedAccessException
        || exception.GetType().Namespace?.StartsWith("Microsoft.IdentityModel", StringComparison.Ordinal) == true
        || exception is ArgumentException { Source: "Microsoft.IdentityModel.JsonWebTokens" or "System.IdentityModel.Tokens.Jwt" or "Microsoft.IdentityModel.Tokens" };

    private static Task ProblemAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { code, message } });
    }

    /// <summary>Kestrel reads the per-endpoint limit from this metadata (chunked bodies have no Content-Length).</summary>
    private sealed class RequestSizeLimitAttributeMetadata(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = limit;
    }
}
