using Microsoft.Extensions.Options;

namespace AwarenessBot.WebPage;

/// <summary>
/// Who may show the chat in a frame (<c>WebChatPage:EmbedOrigins</c>): this site always, and the listed origins for
/// <c>/embed</c> and the Direct Line endpoints it calls. CSP <c>frame-ancestors</c> carries the list; those responses
/// then have no <c>X-Frame-Options</c>, whose SAMEORIGIN would contradict it. Every other page stays same-origin only.
/// </summary>
internal sealed class EmbedPolicy(IOptions<WebChatPageOptions> options)
{
    public const string EmbedPath = "/embed";
    private const string DirectLinePrefix = "/v3/directline";

    private readonly Lazy<IReadOnlyList<string>> _origins = new(() =>
        options.Value.EmbedOrigins.Select(ParseOrigin).OfType<string>().Distinct(StringComparer.Ordinal).ToList());

    /// <summary>The allowed origins, normalised (lower-case scheme and host, default port dropped).</summary>
    public IReadOnlyList<string> Origins => _origins.Value;

    /// <summary>The <c>frame-ancestors</c> sources for the embeddable responses.</summary>
    public string FrameAncestors => string.Join(' ', ["'self'", .. Origins]);

    /// <summary>True for the responses other sites' frames need: the embed page and the Direct Line channel.</summary>
    public bool Covers(PathString path) =>
        Origins.Count > 0 && (path.Equals(EmbedPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(DirectLinePrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>"https://School.example:443/" → "https://school.example"; null for anything that is not an http(s) origin.</summary>
    public static string? ParseOrigin(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('*', StringComparison.Ordinal)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
