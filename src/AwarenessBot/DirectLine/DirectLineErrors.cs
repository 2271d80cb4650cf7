namespace AwarenessBot.DirectLine;

/// <summary>Errors shaped like Direct Line's own: <c>{"error":{"code","message"}}</c>. Messages never echo user input.</summary>
internal static class DirectLineErrors
{
    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult MissingToken() => Error(StatusCodes.Status401Unauthorized, "Unauthorized", "A Bearer token is required.");

    public static IResult InvalidToken() => Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");

    public static IResult ReplacedToken() => Error(StatusCodes.Status403Forbidden, "TokenReplaced", "The token was replaced by a newer one.");

    public static IResult ExpiredToken() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");

    public static IResult ConversationNotFound() => Error(StatusCodes.Status404NotFound, "ConversationNotFound", "The conversation has ended.");

    public static IResult TooLarge(int maxBytes) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The activity is larger than {maxBytes} bytes.");

    public static IResult TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many messages; wait a moment.");

    public static IResult Busy() => Error(StatusCodes.Status503ServiceUnavailable, "ServiceBusy", "The chat is busy; try again in a minute.");

    /// <summary>The body of a 429 written outside an endpoint (by the rate limiter).</summary>
    public static object TooManyRequestsBody(string message) => new ErrorBody(new ErrorDetail("TooManyRequests", message));

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    private sealed record ErrorBody(ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);
}
