using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Net.Http.Headers;

namespace AwarenessBot.DirectLine;

/// <summary>The result of checking a request's token: the conversation it opens, or the error to answer with.</summary>
internal readonly record struct AccessResult(WebConversation? Conversation, IResult? Error);

/// <summary>
/// Checks tokens the way Direct Line does: missing → 401, invalid, replaced, expired or another conversation's → 403,
/// ended → 404. Also issues tokens: each new one replaces the conversation's previous one. Any instance can check a
/// token another one issued: tokens are signed with the shared <c>DirectLine:TokenSecret</c>, and which nonce is
/// current lives in the shared store.
/// </summary>
internal sealed class DirectLineAccess(DirectLineTokenService tokens, IWebChannelStore store, TimeProvider time)
{
    /// <summary>How long a replaced token keeps working, so requests already in flight with it are not refused.</summary>
    public static readonly TimeSpan ReplacedTokenGrace = TimeSpan.FromSeconds(30);

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

    /// <summary>Checks a token; <paramref name="routeConversationId"/> is null when the URL names no conversation.</summary>
    public async Task<AccessResult> CheckAsync(string? token, string? routeConversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new(null, DirectLineErrors.MissingToken());
        }

        var check = tokens.Verify(token, out TokenClaims claims);
        if (check == TokenCheck.Invalid || (routeConversationId is not null && !string.Equals(claims.ConversationId, routeConversationId, StringComparison.Ordinal)))
        {
            return new(null, DirectLineErrors.InvalidToken());
        }

        if (check == TokenCheck.Expired)
        {
            return new(null, DirectLineErrors.ExpiredToken());
        }

        if (await store.FindAsync(claims.ConversationId, cancellationToken) is not { } conversation)
        {
            return new(null, DirectLineErrors.ConversationNotFound());
        }

        return conversation.AcceptsToken(claims.Nonce, time.GetUtcNow())
            ? new(conversation, null)
            : new(null, DirectLineErrors.ReplacedToken());
    }

    /// <summary>A fresh token for the conversation; the token it had before stops working after a short grace.</summary>
    public async Task<IssuedToken> IssueAsync(WebConversation conversation, CancellationToken cancellationToken)
    {
        var nonce = DirectLineTokenService.NewNonce();
        await store.ReplaceTokenAsync(conversation.Id, nonce, ReplacedTokenGrace, cancellationToken);
        return tokens.Issue(conversation.Id, nonce);
    }

    /// <summary>A new conversation with server-chosen ids, or null when the channel is full (see <see cref="IWebChannelStore.TryCreateAsync"/>).</summary>
    public Task<WebConversation?> TryCreateAsync(CancellationToken cancellationToken) =>
        store.TryCreateAsync(NewId(), "dl_" + NewId(), cancellationToken);

    // 128 random bits: unguessable, and URL-safe with no '.' (the token format's separator) and no ' ' (the change
    // notification's).
    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Parses a watermark: empty means from the start; anything else must be a non-negative integer.</summary>
    public static bool TryParseWatermark(string? value, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(value) || long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out watermark);
    }
}
