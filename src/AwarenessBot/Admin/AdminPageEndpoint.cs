namespace AwarenessBot.Admin;

/// <summary>
/// Serves <c>wwwroot/admin/dashboard.html</c>: no data in it (the page asks for the key and fetches JSON), a strict
/// policy (scripts and styles from this origin only, no framing), and never cached.
/// </summary>
internal static class AdminPageEndpoint
{
    public const string PagePath = "admin/dashboard.html";

    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

    public static IResult Serve(IWebHostEnvironment environment, HttpContext context)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(PagePath);
        if (!file.Exists)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
    }
}
