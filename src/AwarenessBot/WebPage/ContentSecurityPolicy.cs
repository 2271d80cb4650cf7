using System.Security.Cryptography;

namespace AwarenessBot.WebPage;

/// <summary>
/// The page's policy: everything from this origin only (framing: this site, plus the allowed origins for /embed) (the WebSocket too: 'self' covers ws/wss to the same host).
/// Web Chat needs no eval (its one <c>new Function</c> is a fallback behind <c>globalThis</c>), but it injects
/// &lt;style&gt; elements at run time; they carry the per-response nonce, given to Web Chat's <c>nonce</c> prop.
/// </summary>
internal static class ContentSecurityPolicy
{
    // Web Chat also inserts one empty <style> element without the nonce and fills it through the CSSOM (insertRule,
    // which CSP does not govern); this hash (of the empty string) allows exactly that empty element and nothing else.
    private const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    public static string For(string nonce, string frameAncestors = "'self'") => string.Join("; ",
        "default-src 'none'",
        "script-src 'self'",
        $"style-src 'self' 'nonce-{nonce}' {EmptyStyleHash}",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        $"frame-ancestors {frameAncestors}",
        "object-src 'none'");
}
