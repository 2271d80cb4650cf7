using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace AwarenessBot.BotFramework;

/// <summary>
/// POST /api/messages: the Bot Framework Connector endpoint (Azure Bot Service channels, the Emulator).
/// CloudAdapter authenticates and handles deliveryMode "expectReplies"; this adds what it lacks: a size limit, and a
/// 401 instead of a 500 when an Authorization header is not a JWT at all (the SDK throws on "Bearer not-a-jwt").
/// </summary>
internal static class BotMessagesEndpoint
{
    /// <summary>Bot Framework activities are small; 256 KB leaves room for attachments' metadata, not for abuse.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync)
            .WithMetadata(new RequestSizeLimitAttributeMetadata(MaxBodyBytes))
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "The activity is too large.").ConfigureAwait(false);
            return;
        }

        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsAuthenticationFailure(exception) && !http.Response.HasStarted)
        {
            loggers.CreateLogger(typeof(BotMessagesEndpoint)).LogWarning("Rejected /api/messages request: {ExceptionType}", exception.GetType().Name);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (BadHttpRequestException exception) when (!http.Response.HasStarted)
        {
            await ProblemAsync(http, exception.StatusCode, "The request could not be read.").ConfigureAwait(false);
        }
    }

    /// <summary>Malformed tokens surface as JWT parsing errors or argument errors from the token handlers.</summary>
    private static bool IsAuthenticationFailure(Exception exception) => exception is UnauthorizedAccessException
        || exception.GetType().Namespace?.StartsWith("Microsoft.IdentityModel", StringComparison.Ordinal) == true
        || exception is ArgumentException { Source: "Microsoft.IdentityModel.JsonWebTokens" or "System.IdentityModel.Tokens.Jwt" or "Microsoft.IdentityModel.Tokens" };

    private static Task ProblemAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { code = status.ToString(System.Globalization.CultureInfo.InvariantCulture), message } });
    }

    /// <summary>Kestrel reads the per-endpoint limit from this metadata (chunked bodies have no Content-Length).</summary>
    private sealed class RequestSizeLimitAttributeMetadata(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = limit;
    }
}
