using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.ClassResults;
using QRCoder;

namespace AwarenessBot.WebPage;

/// <summary>
/// <c>GET /educators</c>: the snippet generator (frame, side-panel script, lesson link), the allowed origins for the
/// administrator, and the lesson guides (content items <c>educator_guide_*</c>, rendered in every page language with
/// a print stylesheet). <c>GET /educators/qr.svg</c>: a lesson link as a QR code (QRCoder, SVG, drawn here).
/// The page text is in <c>wwwroot/educators-strings.js</c>; modules, bands and languages come from the flows.
/// </summary>
internal static partial class EducatorsPageEndpoints
{
    public const string GuidePrefix = "educator_guide_";
    private const string GuideAudience = "educator";

    // The default encoder escapes <, >, & and ' : the JSON can never close the <script> element.
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IEndpointRouteBuilder MapEducatorsPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/educators", ServeAsync);
        endpoints.MapGet("/educators.html", ServeAsync);
        endpoints.MapGet("/educators/qr.svg", QrCode);
        endpoints.MapClassResults();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, [AsParameters] PageServices page, CancellationToken cancellationToken)
    {
        var template = await PageTemplates.ReadAsync(page.Environment, "educators.html", cancellationToken);
        if (template is null)
        {
            return Results.NotFound();
        }

        var html = template
            .Replace("__LESSONS_JSON__", LessonsJson(page), StringComparison.Ordinal)
            .Replace("__GUIDES__", Guides(page), StringComparison.Ordinal);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> QrCode(HttpContext http, ILessonCatalog lessons, IClassResultsStore classResults, CancellationToken cancellationToken)
    {
        var link = LessonLink.Read(http.Request.Query, lessons);
        if (link.Error is { } error)
        {
            return PageErrors.BadArgument(error);
        }

        if (link.Lesson is not { } lesson)
        {
            return PageErrors.BadArgument("A QR code is for a lesson link: give module, band and lang.");
        }

        if (lesson.ClassCode is { } code && !await classResults.IsLiveAsync(code, cancellationToken))
        {
            return PageErrors.UnknownClassCode();
        }

        var url = LessonUrl(http.Request, lessons, lesson);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }

    /// <summary>This host's <c>/embed</c> with the lesson's link values (the request's scheme and host: behind a proxy, forwarded headers).</summary>
    public static string LessonUrl(HttpRequest request, ILessonCatalog lessons, LessonStart lesson)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lessons);
        ArgumentNullException.ThrowIfNull(lesson);
        var band = lessons.AgeBands.First(b => b.Value == lesson.AgeBand).UrlValue;
        var url = $"{request.Scheme}://{request.Host}{EmbedPolicy.EmbedPath}?module={Uri.EscapeDataString(lesson.Module)}&band={Uri.EscapeDataString(band)}&lang={Uri.EscapeDataString(lesson.Locale)}";
        return lesson.ClassCode is { } code ? url + "&class=" + code : url;
    }

    private static string LessonsJson(PageServices page)
    {
        static object Options(IReadOnlyList<LessonOption> options) =>
            options.Select(o => new { value = o.Value, url = o.UrlValue, labels = o.Labels }).ToList();
        return JsonSerializer.Serialize(new
        {
            modules = Options(page.Lessons.Modules),
            bands = Options(page.Lessons.AgeBands),
            locales = Options(page.Lessons.Locales),
            embedOrigins = page.Embed.Origins,
        }, Json);
    }

    /// <summary>Every guide (by age band, then the others such as worker sessions) in every page language; a language without a translation shows the English text, with a note in the reader's language saying so.</summary>
    private static string Guides(PageServices page)
    {
        var html = new StringBuilder();
        var bands = page.Lessons.AgeBands.Select(b => GuidePrefix + b.UrlValue).ToList();
        var guides = page.Content.List()
            .Where(i => i.Id.StartsWith(GuidePrefix, StringComparison.Ordinal))
            .OrderBy(i => bands.IndexOf(i.Id) is var at and >= 0 ? at : int.MaxValue)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var locale in page.Lessons.Locales.Select(l => l.Value))
        {
            html.Append("<div class=\"guides-locale\" data-guides-locale=\"").Append(locale).Append("\" hidden>");
            foreach (var guide in guides)
            {
                if (page.Content.Find(guide.Id, locale, GuideAudience) is not { } view)
                {
                    continue;
                }

                var fallback = view.Locale != locale;
                html.Append("<article class=\"guide\" lang=\"").Append(view.Locale).Append("\" id=\"").Append(guide.Id).Append('-').Append(locale).Append("\">");
                html.Append("<h3>").Append(WebUtility.HtmlEncode(guide.Titles.GetValueOrDefault(view.Locale) ?? guide.Title)).Append("</h3>");
                // The notes are in the reader's language (educators-strings.js), also above a guide shown in English.
                if (fallback)
                {
                    html.Append("<p class=\"guide-note\" lang=\"").Append(locale).Append("\" data-i18n=\"guideNotTranslated\"></p>");
                }

                if (view.IsDraft || view.IsMachineOrUnreviewedTranslation)
                {
                    html.Append("<p class=\"guide-note\" lang=\"").Append(locale).Append("\" data-i18n=\"").Append(view.IsMachineOrUnreviewedTranslation ? "guideDraftTranslation" : "guideDraft").Append("\"></p>");
                }

                foreach (var message in view.Messages)
                {
                    html.Append("<p>").Append(LightMarkdown(message)).Append("</p>");
                }

                html.Append("</article>");
            }

            html.Append("</div>");
        }

        return html.ToString();
    }

    /// <summary>**bold** and [text](https://…) only; everything else is text.</summary>
    public static string LightMarkdown(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        return Link().Replace(encoded, "<a href=\"$2\" rel=\"noopener noreferrer\">$1</a>");
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();

    [GeneratedRegex(@"\[([^\]]+)\]\((https://[^\s)""<>]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
