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

/// <summary>What a valid signature says: the conversation and the token's own random id (its nonce).</summary>
internal readonly record struct TokenClaims(string ConversationId, string Nonce);

/// <summary>
/// Conversation tokens: <c>{conversationId}.{expiryUnixSeconds}.{nonce}.{HMAC-SHA256}</c>. A token names exactly one
/// conversation, so it can never read or post to another one; nothing about the person is inside it. The random nonce
/// makes every token unique (two issued in the same second differ) and lets the conversation revoke a replaced token.
/// </summary>
internal sealed class DirectLineTokenService
{
    /// <summary>Real tokens are about 100 characters; anything much longer is not worth hashing.</summary>
    private const int MaxTokenLength = 512;

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

    /// <summary>A new random token id; the conversation remembers it so that a later token can replace this one.</summary>
    public static string NewNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    public IssuedToken Issue(string conversationId) => Issue(conversationId, NewNonce());

    public IssuedToken Issue(string conversationId, string nonce)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{conversationId}.{expires}.{nonce}");
        return new IssuedToken($"{payload}.{Sign(payload)}", (int)_lifetime.TotalSeconds);
    }

    public TokenCheck Verify(string token, out string conversationId)
    {
        var check = Verify(token, out TokenClaims claims);
        conversationId = claims.ConversationId;
        return check;
    }

    public TokenCheck Verify(string token, out TokenClaims claims)
    {
        claims = new TokenClaims(string.Empty, string.Empty);
        if (token.Length > MaxTokenLength)
        {
            return TokenCheck.Invalid;
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0].Length == 0 || parts[2].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return TokenCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}.{parts[2]}"));
        var presented = Encoding.ASCII.GetBytes(parts[3]);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return TokenCheck.Invalid;
        }

        claims = new TokenClaims(parts[0], parts[2]);
        return _time.GetUtcNow().ToUnixTimeSeconds() >= expires ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private string Sign(string payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(payload)));
}
