namespace AwarenessBot.WebPage;

/// <summary>A clear 400 for a page address that names something unknown: the shape the other endpoints use, never the input quoted.</summary>
internal static class PageErrors
{
    public static IResult BadArgument(string message) =>
        Results.Json(new { error = new { code = "BadArgument", message } }, statusCode: StatusCodes.Status400BadRequest);
}
