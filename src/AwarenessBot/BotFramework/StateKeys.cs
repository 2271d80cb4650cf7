using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The storage keys of conversation and user state, built in this one place. Channel-provided ids never appear in a
/// key: they are hashed (SHA-256, so every instance computes the same key), so an email address or phone number used
/// as an id is not written to the database. Without a Microsoft app id nobody proves who they are, so a user's state
/// is scoped to the conversation: a caller who reuses someone's <c>from.id</c> in another conversation reaches
/// (and erases) only state of their own. The key shapes (<c>{channel}/conversations/…</c>, <c>{channel}/users/…</c>)
/// are the ones the stores' expiry rules know.
/// </summary>
internal sealed class StateKeys(bool scopeUsersByConversation)
{
    public StateKeys(IConfiguration configuration)
        : this(AnonymousMode.IsOn(configuration))
    {
    }

    public bool ScopeUsersByConversation { get; } = scopeUsersByConversation;

    public static string Conversation(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = Channel(activity);
        return $"{channelId}/conversations/{Hash(channelId, "c", ConversationId(activity))}";
    }

    public string User(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = Channel(activity);
        var userId = activity.From?.Id ?? throw new InvalidOperationException("Activity has no sender id.");
        var hash = ScopeUsersByConversation
            ? Hash(channelId, "cu", ConversationId(activity) + "\n" + userId)
            : Hash(channelId, "u", userId);
        return $"{channelId}/users/{hash}";
    }

    private static string Channel(Activity activity) =>
        KnownChannels.IsKnown(activity.ChannelId) ? activity.ChannelId : throw new InvalidOperationException("Activity has an unknown channel id.");

    private static string ConversationId(Activity activity) =>
        activity.Conversation?.Id ?? throw new InvalidOperationException("Activity has no conversation id.");

    /// <summary>"h" + 27 base64url characters (160 bits) of SHA-256 over the channel, the kind of id and the id.</summary>
    private static string Hash(string channelId, string kind, string id)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{kind}\n{id}"));
        return "h" + Base64Url.EncodeToString(digest.AsSpan(0, 20));
    }
}

/// <summary>ConversationState under <see cref="StateKeys"/> (hashed ids).</summary>
internal sealed class KeyedConversationState(IStorage storage) : ConversationState(storage)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return StateKeys.Conversation(turnContext.Activity);
    }
}

/// <summary>UserState under <see cref="StateKeys"/> (hashed ids, scoped by conversation in anonymous mode).</summary>
internal sealed class KeyedUserState(IStorage storage, StateKeys keys) : UserState(storage)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return keys.User(turnContext.Activity);
    }
}
