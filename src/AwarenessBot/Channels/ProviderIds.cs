using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.Channels;

/// <summary>
/// Conversation and user keys from a provider's ids (phone numbers, WhatsApp ids): HMAC-SHA256 keyed with the
/// channel's own secret, so storage, logs and analytics never hold a phone number, and a stolen database cannot be
/// reversed by hashing every phone number (a plain hash could). The same secret on every instance gives the same keys;
/// a rotated secret starts fresh conversations (state is short-lived by design).
/// </summary>
internal static class ProviderIds
{
    public static string Key(string secret, params ReadOnlySpan<string> parts)
    {
        var input = new StringBuilder();
        foreach (var part in parts)
        {
            input.Append(part.Trim()).Append('\n');
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(input.ToString()));
        return Convert.ToBase64String(mac, 0, 24).Replace('+', '-').Replace('/', '_');
    }
}
