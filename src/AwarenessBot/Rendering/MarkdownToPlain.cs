using System.Text.RegularExpressions;

namespace AwarenessBot.Rendering;

/// <summary>Strips the light Markdown that content uses (**bold**, [label](url)) for plain-text channels.</summary>
internal static partial class MarkdownToPlain
{
    public static string Convert(string text)
    {
        var withoutLinks = Link().Replace(text, m => m.Groups["label"].Value == m.Groups["url"].Value || IsDialLink(m.Groups["url"].Value)
            ? DialOrUrl(m)
            : $"{m.Groups["label"].Value} ({m.Groups["url"].Value})");
        return Emphasis().Replace(withoutLinks, "${inner}");
    }

    /// <summary>A tel:/sms: link's label is the number as published: that is what a plain channel shows.</summary>
    private static bool IsDialLink(string url) =>
        url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("sms:", StringComparison.OrdinalIgnoreCase);

    private static string DialOrUrl(Match link) =>
        IsDialLink(link.Groups["url"].Value) ? link.Groups["label"].Value : link.Groups["url"].Value;

    [GeneratedRegex(@"\[(?<label>[^\]]+)\]\((?<url>[^)\s]+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?<inner>.+?)\1", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Emphasis();
}
