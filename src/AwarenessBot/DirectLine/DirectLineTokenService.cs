using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>A token as handed to the client.</summary>
internal sealed record IssuedToken(string Token, int ExpiresInSeconds);

internal enum TokenCheck
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>
/// Conversation tokens: <c>{conversationId}.{expiryUnixSeconds}.{HMAC-SHA256}</c>. A token names exactly one
/// conversation, so it can never read or post to another one; nothing about the person is inside it.
/// </summary>
internal sealed class DirectLineTokenService
{
    private readonly byte[] _secret;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Value.TokenSecret;

        // Without a configured secret, tokens are only valid for this process's lifetime (documented in DirectLineOptions).
        _secret = string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
        _lifetime = options.Value.TokenLifetime;
        _time = time;
    }

    public IssuedToken Issue(string conversationId)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{conversationId}.{expires}");
        return new IssuedToken($"{payload}.{Sign(payload)}", (int)_lifetime.TotalSeconds);
    }

    public TokenCheck Verify(string token, out string conversationId)
    {
        conversationId = string.Empty;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return TokenCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        var presented = Encoding.ASCII.GetBytes(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return TokenCheck.Invalid;
        }

        conversationId = parts[0];
        return _time.GetUtcNow().ToUnixTimeSeconds() >= expires ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private string Sign(string payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(payload)));
}
