namespace AwarenessBot.Content.Repository;

/// <summary>Locale codes as used in seeds: "fr-CA" and "FR" become "fr"; nothing becomes "en".</summary>
internal static class LocaleNames
{
    public const string English = "en";

    public static string Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return English;
        }

        var primary = locale.Trim().Split('-', '_')[0];
        return primary.ToLowerInvariant();
    }

    /// <summary>The text in this locale, else English, else any.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string>? texts, string locale)
    {
        if (texts is null || texts.Count == 0)
        {
            return null;
        }

        return texts.TryGetValue(locale, out var text) || texts.TryGetValue(English, out text) ? text : texts.Values.First();
    }
}
