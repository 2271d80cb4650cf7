using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The storage keys of conversation and user state, built in this one place. Channel-provided ids never appear in a
/// key: they are hashed (SHA-256, so every instance computes the same key), so an email address or phone number used
/// as an id is not written to the database. Without a Microsoft app id nobody proves who they are, so a user's state
/// is scoped to the conversation: a caller who reuses someone's <c>from.id</c> in another conversation reaches
/// (and erases) only state of their own. The key shapes (<c>{channel}/conversations/…</c>, <c>{channel}/users/…</c>)
/// are the ones the stores' expiry rules know. Built from the ids alone (no Activity), so a channel without the
/// SDK — an SMS opt-out that erases state without a turn — computes the same keys.
/// </summary>
internal sealed class StateKeys(bool scopeUsersByConversation)
{
    public StateKeys(IConfiguration configuration)
        : this(AnonymousMode.IsOn(configuration))
    {
    }

    public bool ScopeUsersByConversation { get; } = scopeUsersByConversation;

    public static string Conversation(string? channelId, string? conversationId)
    {
        var channel = Channel(channelId);
        return $"{channel}/conversations/{Hash(channel, "c", Required(conversationId, "conversation"))}";
    }

    public string User(string? channelId, string? conversationId, string? userId)
    {
        var channel = Channel(channelId);
        var user = Required(userId, "sender");
        var hash = ScopeUsersByConversation
            ? Hash(channel, "cu", Required(conversationId, "conversation") + "\n" + user)
            : Hash(channel, "u", user);
        return $"{channel}/users/{hash}";
    }

    private static string Channel(string? channelId) =>
        KnownChannels.IsKnown(channelId) ? channelId! : throw new InvalidOperationException("The channel id is not a known channel.");

    private static string Required(string? id, string what) =>
        id ?? throw new InvalidOperationException($"The {what} id is missing.");

    /// <summary>"h" + 27 base64url characters (160 bits) of SHA-256 over the channel, the kind of id and the id.</summary>
    private static string Hash(string channelId, string kind, string id)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{kind}\n{id}"));
        return "h" + Base64Url.EncodeToString(digest.AsSpan(0, 20));
    }
}
