namespace AwarenessBot.WebPage;

/// <summary>A clear 400 for a page address that names something unknown: the shape the other endpoints use, never the input quoted.</summary>
internal static class PageErrors
{
    public static IResult BadArgument(string message) =>
        Results.Json(new { error = new { code = "BadArgument", message } }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A well-formed lesson code that is not (or no longer) live: codes and their counts last a day.</summary>
    public static IResult UnknownClassCode() =>
        Results.Json(
            new { error = new { code = "UnknownClassCode", message = "This lesson code is unknown or has expired (codes last a day). Create a new one on /educators." } },
            statusCode: StatusCodes.Status404NotFound);
}
