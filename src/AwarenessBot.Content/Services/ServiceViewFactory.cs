using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.Repository;

namespace AwarenessBot.Content.Services;

/// <summary>Turns a loaded service into what the bot shows, in one locale, at one moment.</summary>
internal static class ServiceViewFactory
{
    public static ServiceView Create(ServiceEntry entry, string locale, DateTimeOffset now)
    {
        var s = entry.Definition;
        var note = LocaleNames.Pick(s.Notes, locale);
        var confidentiality = LocaleNames.Pick(s.Confidentiality, locale);
        var noteParts = new[] { note, SaidIn(note, confidentiality) ? null : confidentiality }.OfType<string>().ToList();
        return new ServiceView(
            s.Id,
            LocaleNames.Pick(s.Name, locale) ?? s.Id,
            s.Kind,
            s.Regions,
            s.Contacts.Phone,
            s.Contacts.Text?.Number,
            WebIn(s.Contacts, locale),
            s.Contacts.Chat,
            s.Contacts.Email,
            entry.Hours.Describe(locale),
            entry.Hours.Is24x7,
            entry.Hours.IsOpenAt(now),
            s.Languages,
            noteParts.Count == 0 ? null : string.Join(" ", noteParts))
        {
            HasWeeklyHours = entry.Hours.Kind == HoursKind.Weekly,
            ForMinorsOnly = IsForMinorsOnly(s),
            MinorsOnlyBySource = s.ForMinorsOnly,
            Cost = s.Cost,
            Confidentiality = confidentiality,
            Interpretation = s.Interpretation,
            Audience = s.Audience,
            IndigenousLed = s.IndigenousLed,
        };
    }

    /// <summary>
    /// The confidentiality text restates what the note already says (each of its sentences is in the note): the card
    /// shows it once. It stays a field of its own for "is it confidential?".
    /// </summary>
    private static bool SaidIn(string? note, string? text) =>
        note is not null && text is not null
        && text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(sentence => note.Contains(sentence.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Marked for_minors_only, or for young people only (audience youth and nothing else).</summary>
    internal static bool IsForMinorsOnly(Loading.ServiceDefinition s) =>
        s.ForMinorsOnly || (s.Audience.Count == 1 && s.Audience[0] == "youth");

    /// <summary>Not for young people: neither "all" nor "youth" among its audiences ([adult], [worker, adult], [educator]).</summary>
    internal static bool IsNotForYoungPeople(Loading.ServiceDefinition s) =>
        !s.Audience.Contains(AudienceFallback.All) && !s.Audience.Contains("youth");

    /// <summary>"Name: contact" for {service:id} placeholders: the phone, else the text number, else the web site.</summary>
    public static string ContactLine(ServiceEntry entry, string locale)
    {
        var s = entry.Definition;
        var contact = s.Contacts.Phone ?? s.Contacts.Text?.Number ?? WithoutScheme(WebIn(s.Contacts, locale)) ?? WithoutScheme(s.Contacts.Chat) ?? s.Contacts.Email;
        var language = LocaleNames.Normalize(locale);
        var name = LocaleNames.Pick(s.Name, language) ?? s.Id;
        // A service known by its number ("911") reads as just the number in a sentence.
        return contact is null || string.Equals(name, contact, StringComparison.OrdinalIgnoreCase)
            ? name
            : name + ColonFor(language) + contact;
    }

    // French typography puts a space before the colon ("Nom : contact"), as the seeds' French texts do (seeds/catalog.yaml).
    private static string ColonFor(string language) => BotCatalog.Default.FindLocale(language)?.Colon ?? BotCatalog.Default.Fallback.Colon!;

    /// <summary>
    /// The service's page in the person's language where it publishes one (web_by_locale: the tip line's Spanish and
    /// Tagalog pages), else its main page: a Spanish speaker is not sent to the Tagalog page, nor an English one.
    /// </summary>
    private static string? WebIn(Loading.ContactsDefinition contacts, string locale) =>
        contacts.WebByLocale is { } pages && pages.TryGetValue(LocaleNames.Normalize(locale), out var page) ? page : contacts.Web;

    private static string? WithoutScheme(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var start = url.IndexOf("://", StringComparison.Ordinal);
        var text = start >= 0 ? url[(start + 3)..] : url;
        return text.TrimEnd('/');
    }
}
