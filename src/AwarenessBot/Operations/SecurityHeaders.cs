namespace AwarenessBot.Operations;

/// <summary>
/// Headers that keep a survivor's visit private: no referrer leaks to the quick-exit site, no framing by other
/// sites, no MIME sniffing. The page's own Content-Security-Policy is set where the page is served.
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Frame-Options"] = "SAMEORIGIN";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next(context).ConfigureAwait(false);
    });
}
