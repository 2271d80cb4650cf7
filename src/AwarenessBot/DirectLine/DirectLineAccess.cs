using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace AwarenessBot.DirectLine;

/// <summary>The result of checking a request's token: the conversation it opens, or the error to answer with.</summary>
internal readonly record struct AccessResult(DirectLineConversation? Conversation, IResult? Error);

/// <summary>
/// Checks tokens the way Direct Line does: missing → 401, invalid, replaced, expired or another conversation's → 403,
/// ended → 404. Also issues tokens: each new one replaces the conversation's previous one.
/// </summary>
internal sealed class DirectLineAccess(DirectLineTokenService tokens, DirectLineConversationStore store, TimeProvider time)
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
    public AccessResult Check(string? token, string? routeConversationId)
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

        if (store.Find(claims.ConversationId) is not { } conversation)
        {
            return new(null, DirectLineErrors.ConversationNotFound());
        }

        return conversation.AcceptsToken(claims.Nonce, time.GetUtcNow())
            ? new(conversation, null)
            : new(null, DirectLineErrors.ReplacedToken());
    }

    /// <summary>A fresh token for the conversation; the token it had before stops working after a short grace.</summary>
    public IssuedToken Issue(DirectLineConversation conversation)
    {
        var nonce = DirectLineTokenService.NewNonce();
        conversation.ReplaceToken(nonce, time.GetUtcNow(), ReplacedTokenGrace);
        return tokens.Issue(conversation.Id, nonce);
    }

    /// <summary>Parses a watermark: empty means from the start; anything else must be a non-negative integer.</summary>
    public static bool TryParseWatermark(string? value, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(value) || long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out watermark);
    }
}
