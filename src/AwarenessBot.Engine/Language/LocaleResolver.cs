using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Language;

/// <summary>Chosen language first, then a confident detection, then what we knew, then the channel's, then English.</summary>
internal static class LocaleResolver
{
    public static readonly IReadOnlyList<string> Supported = ["en", "fr", "es", "tl"];

    public static string Resolve(TurnInput input, UserProfileState profile)
    {
        if (profile.LocaleChosen && IsSupported(profile.Locale)) return profile.Locale!;
        if (IsSupported(input.DetectedLanguage)) return input.DetectedLanguage!;
        if (IsSupported(profile.Locale)) return profile.Locale!;
        var channel = input.ChannelLocale is { Length: >= 2 } c ? c[..2].ToLowerInvariant() : null;
        return IsSupported(channel) ? channel! : "en";
    }

    public static bool IsSupported(string? locale) => locale is "en" or "fr" or "es" or "tl";
}
