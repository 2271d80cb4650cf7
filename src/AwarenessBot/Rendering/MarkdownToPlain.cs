using System.Text.RegularExpressions;

namespace AwarenessBot.Rendering;

/// <summary>Strips the light Markdown that content uses (**bold**, [label](url)) for plain-text channels.</summary>
internal static partial class MarkdownToPlain
{
    public static string Convert(string text)
    {
        var withoutLinks = Link().Replace(text, m => m.Groups["label"].Value == m.Groups["url"].Value
            ? m.Groups["url"].Value
            : $"{m.Groups["label"].Value} ({m.Groups["url"].Value})");
        return Emphasis().Replace(withoutLinks, "${inner}");
    }

    [GeneratedRegex(@"\[(?<label>[^\]]+)\]\((?<url>[^)\s]+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?<inner>.+?)\1", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Emphasis();
}
