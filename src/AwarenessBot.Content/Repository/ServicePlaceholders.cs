using System.Text.RegularExpressions;

namespace AwarenessBot.Content.Repository;

/// <summary>
/// The {service:&lt;id&gt;} placeholder: written in content, replaced by "Name: contact" per locale. Besides it, the
/// channel tokens the renderers fill in: {answer_hint} (how to answer on this channel, in any item) and {count} (the
/// last number of a numbered list, in channel_reply_many), and {region} (the province or territory a list of services
/// is for, in system_services_region_used), which the engine fills in.
/// </summary>
internal static partial class ServicePlaceholders
{
    public static readonly IReadOnlySet<string> ChannelTokens = new HashSet<string>(["{answer_hint}", "{count}", "{region}"], StringComparer.Ordinal);

    public static IEnumerable<string> IdsIn(string text) => Valid().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The channel tokens in a text, in order (a translation keeps the same ones).</summary>
    public static IEnumerable<string> ChannelTokensIn(string text) =>
        AnyBraces().Matches(text).Select(m => m.Value).Where(ChannelTokens.Contains);

    /// <summary>Curly-brace tokens that are neither a well-formed service placeholder nor a channel token ("{service: x}", "{phone}").</summary>
    public static IEnumerable<string> MalformedIn(string text) =>
        AnyBraces().Matches(text).Select(m => m.Value).Where(token => !Valid().IsMatch(token) && !ChannelTokens.Contains(token));

    /// <remarks>Most texts have no placeholder: they come back as they are without a regex run or an evaluator.</remarks>
    public static string Replace(string text, Func<string, string?> resolve) =>
        text.Contains(ServicePrefix, StringComparison.Ordinal) ? Valid().Replace(text, m => resolve(m.Groups[1].Value) ?? m.Value) : text;

    /// <summary>What every match of <see cref="Valid"/> begins with.</summary>
    private const string ServicePrefix = "{service:";

    [GeneratedRegex(@"\{service:([a-z0-9_]+)\}")]
    private static partial Regex Valid();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex AnyBraces();
}
