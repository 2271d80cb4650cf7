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

        // A locale that is already a primary code in lower case ("en", as state keeps it) comes back as it is: this
        // runs for every content lookup of a turn, and trimming, splitting and lower-casing allocated each time.
        var primary = locale.AsSpan().Trim();
        var separator = primary.IndexOfAny('-', '_');
        if (separator >= 0)
        {
            primary = primary[..separator];
        }

        return primary.Length == locale.Length && IsAsciiLower(primary)
            ? locale
            : primary.ToString().ToLowerInvariant();
    }

    private static bool IsAsciiLower(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
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
