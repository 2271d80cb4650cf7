namespace AwarenessBot.WebPage;

/// <summary>A clear 4xx for a page address that names something unknown or asks without its key: the shape the other endpoints use, never the input quoted.</summary>
internal static class PageErrors
{
    public static IResult BadArgument(string message) =>
        Results.Json(new { error = new { code = "BadArgument", message } }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A well-formed lesson code that is not (or no longer) live: codes and their counts last a day.</summary>
    public static IResult UnknownClassCode() =>
        Results.Json(
            new { error = new { code = "UnknownClassCode", message = "This lesson code is unknown or has expired (codes last a day). Create a new one on /educators." } },
            statusCode: StatusCodes.Status404NotFound);

    /// <summary>Results asked for without the key given with the code (students' links carry the code, never the key).</summary>
    public static IResult ResultsKeyRequired() =>
        Results.Json(
            new { error = new { code = "ResultsKeyRequired", message = "Send the results key given with the lesson code, as Authorization: Bearer <key>." } },
            statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>A live code read with a key that is not its own.</summary>
    public static IResult WrongResultsKey() =>
        Results.Json(
            new { error = new { code = "WrongResultsKey", message = "This results key is not the one given with this lesson code." } },
            statusCode: StatusCodes.Status403Forbidden);
}
