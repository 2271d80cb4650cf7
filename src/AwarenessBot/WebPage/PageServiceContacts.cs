using System.Text.Json;
using System.Text.Json.Serialization;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.WebPage;

/// <summary>
/// The services the page names in its emergency banner and footer, read from the service directory for each page
/// language, as a JSON data block for <c>index.html</c>. Page scripts never carry a number of their own: a service
/// missing here is simply left out of the page's text.
/// </summary>
internal static class PageServiceContacts
{
    public static readonly IReadOnlyList<string> ServiceIds =
    [
        "ca_911", "ca_human_trafficking_hotline", "ca_988", "ca_kids_help_phone", "ca_cybertip", "ca_needhelpnow", "ca_tfw_tip_line",
    ];

    // The default encoder escapes <, >, &, ' and non-ASCII as \uXXXX: the JSON can never close the <script> element.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>{ "en": { "ca_911": { "name": "911", "phone": "911" }, … }, "fr": { … } }, for every language of the bot (from the flows).</summary>
    public static string ToJson(IServiceDirectory directory, ILessonCatalog lessons, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(lessons);
        var byLocale = new Dictionary<string, Dictionary<string, PageContact>>(StringComparer.Ordinal);
        foreach (var locale in lessons.Locales.Select(l => l.Value))
        {
            var contacts = new Dictionary<string, PageContact>(StringComparer.Ordinal);
            foreach (var id in ServiceIds)
            {
                if (directory.FindById(id, locale, now) is { } service)
                {
                    contacts[id] = new PageContact(service.Name, service.Phone, service.TextLine, HttpsOrNull(service.Web));
                }
            }

            byLocale[locale] = contacts;
        }

        return JsonSerializer.Serialize(byLocale, Json);
    }

    // The page links to it: only an absolute https address may become a link.
    private static string? HttpsOrNull(string? web) =>
        Uri.TryCreate(web, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;

    private sealed record PageContact(string Name, string? Phone, string? Text, string? Web);
}
