using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Language;

/// <summary>Chosen language first, then a confident detection, then what we knew, then the channel's, then the fallback (English); the languages are seeds/catalog.yaml's.</summary>
internal static class LocaleResolver
{
    public static IReadOnlyList<string> Supported { get; } = BotCatalog.Default.LocaleCodes;

    public static string Resolve(TurnInput input, UserProfileState profile)
    {
        if (profile.LocaleChosen && IsSupported(profile.Locale)) return profile.Locale!;
        if (IsSupported(input.DetectedLanguage)) return input.DetectedLanguage!;
        if (IsSupported(profile.Locale)) return profile.Locale!;
        var channel = input.ChannelLocale is { Length: >= 2 } c ? c[..2].ToLowerInvariant() : null;
        return IsSupported(channel) ? channel! : BotCatalog.Default.FallbackLocale;
    }

    public static bool IsSupported(string? locale) => BotCatalog.Default.IsLocale(locale);
}
