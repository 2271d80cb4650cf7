using System.Text.RegularExpressions;

namespace AwarenessBot.Content.Repository;

/// <summary>The {service:&lt;id&gt;} placeholder: written in content, replaced by "Name: contact" per locale.</summary>
internal static partial class ServicePlaceholders
{
    public static IEnumerable<string> IdsIn(string text) => Valid().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Curly-brace tokens that are not a well-formed service placeholder ("{service: x}", "{phone}").</summary>
    public static IEnumerable<string> MalformedIn(string text) =>
        AnyBraces().Matches(text).Select(m => m.Value).Where(token => !Valid().IsMatch(token));

    public static string Replace(string text, Func<string, string?> resolve) =>
        Valid().Replace(text, m => resolve(m.Groups[1].Value) ?? m.Value);

    [GeneratedRegex(@"\{service:([a-z0-9_]+)\}")]
    private static partial Regex Valid();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex AnyBraces();
}
