using AwarenessBot.WebPage;

namespace AwarenessBot.Operations;

/// <summary>
/// Headers that keep a survivor's visit private: no referrer leaks to the quick-exit site, no framing by other
/// sites, no MIME sniffing. Every HTML response carries a Content-Security-Policy: the chat page and the admin page
/// set their own; any other HTML (the privacy page, a static file) gets <see cref="DefaultHtmlPolicy"/>.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Same-origin stylesheets, scripts and images only; nothing inline, no framing, no forms.</summary>
    public const string DefaultHtmlPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // /embed and its Direct Line calls may be framed by the allowed origins (WebPage/EmbedPolicy): their CSP
        // frame-ancestors says who, and a SAMEORIGIN here would contradict it.
        var embed = context.RequestServices.GetService<EmbedPolicy>();
        if (embed is not null && embed.Covers(context.Request.Path))
        {
            if (!context.Request.Path.Equals(EmbedPolicy.EmbedPath, StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = "frame-ancestors " + embed.FrameAncestors;
            }
        }
        else
        {
            headers["X-Frame-Options"] = "SAMEORIGIN";
        }

        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                && string.IsNullOrEmpty(response.Headers.ContentSecurityPolicy))
            {
                response.Headers.ContentSecurityPolicy = DefaultHtmlPolicy;
            }

            return Task.CompletedTask;
        }, context.Response);
        await next(context).ConfigureAwait(false);
    });
}
