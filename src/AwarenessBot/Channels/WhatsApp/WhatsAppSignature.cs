using System.Security.Cryptography;

namespace AwarenessBot.Channels.WhatsApp;

/// <summary>
/// X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw request body with the app secret
/// (Meta's webhook reference: https://developers.facebook.com/docs/messenger-platform/webhook-reference, and
/// PROTOCOLS.md §9), compared in constant time.
/// </summary>
internal static class WhatsAppSignature
{
    private const string Prefix = "sha256=";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string appSecret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The header value for a body (tests and local fakes sign with it).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(appSecret), body));
}
