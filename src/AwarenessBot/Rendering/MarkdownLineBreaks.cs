using System.Text.RegularExpressions;

namespace AwarenessBot.Rendering;

/// <summary>
/// Markdown joins lines separated by a single line break; the content means them as separate lines (a service's
/// name, number and note), so they become hard breaks ("two spaces, then the line break").
/// </summary>
internal static partial class MarkdownLineBreaks
{
    public static string Harden(string text) => text.Contains('\n', StringComparison.Ordinal) ? SingleBreak().Replace(text, "  \n") : text;

    [GeneratedRegex(@"(?<!\n|  )\n(?!\n)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex SingleBreak();
}
