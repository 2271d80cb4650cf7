using System.Globalization;
using System.Net;
using AwarenessBot.Content.Abstractions;
using Microsoft.Extensions.Options;

namespace AwarenessBot.WebPage;

/// <summary>
/// The chat page at <c>/</c>: <c>wwwroot/index.html</c> with a per-response CSP nonce, the page settings and the
/// emergency services (names and contacts from the service directory, as a JSON data block) filled in.
/// Its scripts and styles (<c>app.js</c>, <c>app.css</c>, <c>lib/webchat.js</c>) are plain static files.
/// </summary>
internal static class WebChatPageEndpoints
{
    public static IServiceCollection AddWebChatPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatPageOptions>().Bind(configuration.GetSection(WebChatPageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatPageOptions>, WebChatPageOptionsValidator>();
        return services;
    }

    /// <summary>Maps <c>GET /</c> (and <c>/index.html</c>, so the raw template is never served as a static file).</summary>
    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", ServeAsync);
        endpoints.MapGet("/index.html", ServeAsync);
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, IWebHostEnvironment environment, IOptions<WebChatPageOptions> options,
        IServiceDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!file.Exists)
        {
            return Results.NotFound();
        }

        string template;
        await using (var stream = file.CreateReadStream())
        using (var reader = new StreamReader(stream))
        {
            template = await reader.ReadToEndAsync(cancellationToken);
        }

        var nonce = ContentSecurityPolicy.NewNonce();
        var settings = options.Value;
        var html = template
            .Replace("__CSP_NONCE__", nonce, StringComparison.Ordinal)
            .Replace("__IDLE_MINUTES__", settings.IdleMinutes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__QUICK_EXIT_URL__", WebUtility.HtmlEncode(settings.QuickExitUrl.AbsoluteUri), StringComparison.Ordinal)
            .Replace("__SERVICES_JSON__", PageServiceContacts.ToJson(directory, time.GetUtcNow()), StringComparison.Ordinal);

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy.For(nonce);
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        // The page carries a fresh nonce each time and must not come back from a cache after a quick exit.
        headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
