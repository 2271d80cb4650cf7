using System.Net;
using System.Globalization;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Storage;
using AwarenessBot.WebPage;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Hosting;

/// <summary>
/// GET /privacy: what is stored, for how long, and how to delete it (wwwroot/privacy.html, EN and FR). The emergency
/// number comes from the service directory, like every number the bot shows, and the retention periods from the
/// storage settings, so the page stays true when an operator changes them.
/// </summary>
internal static class PrivacyPageEndpoint
{
    private const string EmergencyPlaceholder = "__EMERGENCY_NUMBER__";

    public static IEndpointRouteBuilder MapPrivacyPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", async (IWebHostEnvironment environment, IServiceDirectory directory, StorageOptions storage, IOptions<WebChatPageOptions> page, TimeProvider time, CancellationToken cancellationToken) =>
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
                .Replace(EmergencyPlaceholder, WebUtility.HtmlEncode(emergency ?? "emergency services / services d'urgence"), StringComparison.Ordinal)
                .Replace("__CONVERSATION_HOURS__", Whole(storage.ConversationTtl.TotalHours), StringComparison.Ordinal)
                .Replace("__USER_DAYS__", Whole(storage.UserTtl.TotalDays), StringComparison.Ordinal)
                .Replace("__IDLE_MINUTES__", page.Value.IdleMinutes.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return Results.Content(html, "text/html; charset=utf-8");
        });
        return endpoints;
    }

    private static string Whole(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
