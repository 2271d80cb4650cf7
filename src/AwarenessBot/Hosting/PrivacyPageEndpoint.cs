using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Storage;
using AwarenessBot.WebPage;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Hosting;

/// <summary>
/// GET /privacy: what is stored, for how long, and how to delete it (wwwroot/privacy.html, one section per page
/// language). <c>?lang=</c> naming one of the page's sections puts that section first and marks it in the language
/// switch. The emergency number comes from the service directory, like every number the bot shows, and the retention
/// periods from the storage settings, so the page stays true when an operator changes them.
/// </summary>
internal static partial class PrivacyPageEndpoint
{
    private const string EmergencyPlaceholder = "__EMERGENCY_NUMBER__";

    public static IEndpointRouteBuilder MapPrivacyPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", async (HttpRequest request, IWebHostEnvironment environment, IServiceDirectory directory, StorageOptions storage, IOptions<WebChatPageOptions> page, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var file = environment.WebRootFileProvider.GetFileInfo("privacy.html");
            if (!file.Exists)
            {
                return Results.NotFound();
            }

            string template;
            await using (var stream = file.CreateReadStream())
            using (var reader = new StreamReader(stream))
            {
                template = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }

            var emergency = directory.FindById("ca_911", BotCatalog.Default.FallbackLocale, time.GetUtcNow())?.Phone;
            var html = template
                .Replace(EmergencyPlaceholder, WebUtility.HtmlEncode(emergency ?? "emergency services / services d'urgence / servicios de emergencia"), StringComparison.Ordinal)
                .Replace("__CONVERSATION_HOURS__", Whole(storage.ConversationTtl.TotalHours), StringComparison.Ordinal)
                .Replace("__USER_DAYS__", Whole(storage.UserTtl.TotalDays), StringComparison.Ordinal)
                .Replace("__IDLE_MINUTES__", page.Value.IdleMinutes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return Results.Content(InLanguage(html, request.Query["lang"].ToString()), "text/html; charset=utf-8");
        });
        return endpoints;
    }

    /// <summary>The requested language's section first, the page's language and the switch's current link set to it; any other value leaves the page as written.</summary>
    internal static string InLanguage(string html, string language)
    {
        var sections = Section().Matches(html);
        var chosen = sections.FirstOrDefault(s => s.Groups["lang"].Value == language);
        if (chosen is null || sections.Count == 0)
        {
            return MarkCurrent(html, sections.Count > 0 ? sections[0].Groups["lang"].Value : null);
        }

        var first = sections[0];
        var last = sections[^1];
        var ordered = sections.Where(s => s != chosen).Prepend(chosen).Select(s => s.Value);
        var reordered = string.Concat(
            html.AsSpan(0, first.Index),
            string.Join("\n\n    <hr>\n\n    ", ordered),
            html.AsSpan(last.Index + last.Length));
        reordered = HtmlLang().Replace(reordered, $"<html lang=\"{language}\">", 1);
        return MarkCurrent(reordered, language);
    }

    private static string MarkCurrent(string html, string? language) => language is null
        ? html
        : html.Replace($"hreflang=\"{language}\"", $"hreflang=\"{language}\" aria-current=\"page\"", StringComparison.Ordinal);

    [GeneratedRegex("""<section lang="(?<lang>[a-z]{2,3})".*?</section>""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Section();

    [GeneratedRegex("""<html lang="[^"]*">""", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlLang();

    private static string Whole(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
