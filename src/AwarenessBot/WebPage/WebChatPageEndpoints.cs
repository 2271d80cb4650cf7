using System.Globalization;
using System.Net;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.ClassResults;
using Microsoft.Extensions.Options;

namespace AwarenessBot.WebPage;

/// <summary>
/// The chat page at <c>/</c> and its embeddable variant at <c>/embed</c> (no site header, sized for a frame, framable
/// by <c>WebChatPage:EmbedOrigins</c>; a lesson link adds <c>?module=&amp;band=&amp;lang=</c>): <c>wwwroot/index.html</c>
/// with a per-response CSP nonce, the page settings and the emergency services (names and contacts from the service
/// directory, as a JSON data block) filled in. Its scripts and styles are plain static files.
/// </summary>
internal static class WebChatPageEndpoints
{
    public static IServiceCollection AddWebChatPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatPageOptions>().Bind(configuration.GetSection(WebChatPageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatPageOptions>, WebChatPageOptionsValidator>();
        services.AddSingleton<EmbedPolicy>();
        return services;
    }

    /// <summary>Maps <c>GET /</c> (and <c>/index.html</c>, so the raw template is never served as a static file) and <c>GET /embed</c>.</summary>
    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext http, [AsParameters] PageServices page, CancellationToken ct) => ServeAsync(http, page, embed: false, ct));
        endpoints.MapGet("/index.html", (HttpContext http, [AsParameters] PageServices page, CancellationToken ct) => ServeAsync(http, page, embed: false, ct));
        endpoints.MapGet(EmbedPolicy.EmbedPath, (HttpContext http, [AsParameters] PageServices page, CancellationToken ct) => ServeAsync(http, page, embed: true, ct));
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, PageServices page, bool embed, CancellationToken cancellationToken)
    {
        LessonStart? lesson = null;
        if (embed)
        {
            var link = LessonLink.Read(http.Request.Query, page.Lessons);
            if (link.Error is { } error)
            {
                return PageErrors.BadArgument(error);
            }

            lesson = link.Lesson;
            // Resolved only for a link with a code: hosts without storage (the web channel's tests) serve every other page.
            if (lesson?.ClassCode is { } code && !await http.RequestServices.GetRequiredService<IClassResultsStore>().IsLiveAsync(code, cancellationToken))
            {
                return PageErrors.UnknownClassCode();
            }
        }

        var template = await PageTemplates.ReadAsync(page.Environment, "index.html", cancellationToken);
        if (template is null)
        {
            return Results.NotFound();
        }

        var nonce = ContentSecurityPolicy.NewNonce();
        var settings = page.Options.Value;
        var html = template
            .Replace("__CSP_NONCE__", nonce, StringComparison.Ordinal)
            .Replace("__PAGE_MODE__", embed ? "embed" : "page", StringComparison.Ordinal)
            .Replace("__LESSON_MODULE__", WebUtility.HtmlEncode(lesson?.Module ?? ""), StringComparison.Ordinal)
            .Replace("__LESSON_BAND__", WebUtility.HtmlEncode(lesson?.AgeBand ?? ""), StringComparison.Ordinal)
            .Replace("__LESSON_LOCALE__", WebUtility.HtmlEncode(lesson?.Locale ?? ""), StringComparison.Ordinal)
            .Replace("__LESSON_CLASS__", WebUtility.HtmlEncode(lesson?.ClassCode ?? ""), StringComparison.Ordinal)
            .Replace("__IDLE_MINUTES__", settings.IdleMinutes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__QUICK_EXIT_URL__", WebUtility.HtmlEncode(settings.QuickExitUrl.AbsoluteUri), StringComparison.Ordinal)
            .Replace("__SERVICES_JSON__", PageServiceContacts.ToJson(page.Directory, page.Lessons, page.Time.GetUtcNow()), StringComparison.Ordinal);

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy.For(nonce, embed ? page.Embed.FrameAncestors : "'self'");
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        // The page carries a fresh nonce each time and must not come back from a cache after a quick exit.
        headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}

/// <summary>What the pages need, resolved once per request.</summary>
internal sealed record PageServices(
    IWebHostEnvironment Environment,
    IOptions<WebChatPageOptions> Options,
    EmbedPolicy Embed,
    IServiceDirectory Directory,
    IContentRepository Content,
    ILessonCatalog Lessons,
    TimeProvider Time);
