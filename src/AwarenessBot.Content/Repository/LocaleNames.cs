using AwarenessBot.Catalog;

namespace AwarenessBot.Content.Repository;

/// <summary>Locale codes as used in seeds: "fr-CA" and "FR" become "fr"; nothing becomes the catalog's fallback locale.</summary>
internal static class LocaleNames
{
    /// <summary>The catalog's fallback locale (English): shown when a text is missing.</summary>
    public static string Fallback => BotCatalog.Default.FallbackLocale;

    public static string Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Fallback;
        }

        var primary = locale.Trim().Split('-', '_')[0];
        return primary.ToLowerInvariant();
    }

    /// <summary>The text in this locale, else the fallback locale's, else any.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string>? texts, string locale)
    {
        if (texts is null || texts.Count == 0)
        {
            return null;
        }

        return texts.TryGetValue(locale, out var text) || texts.TryGetValue(Fallback, out text) ? text : texts.Values.First();
    }
}
