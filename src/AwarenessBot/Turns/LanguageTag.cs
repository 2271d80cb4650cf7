namespace AwarenessBot.Turns;

/// <summary>A BCP 47-shaped tag (letters, digits, '-' or '_', at most 35 characters); the engine maps it to a known locale.</summary>
internal static class LanguageTag
{
    public const int MaxLength = 35;

    public static bool IsValid(string locale) =>
        locale.Length is > 0 and <= MaxLength && locale.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
