using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Open conversations, in memory, capped and forgotten after an idle period. Forgetting is the privacy feature:
/// nothing of a chat outlives its idle timeout here (the bot's own state store has its own rules). When the table is
/// full, the idlest conversation makes room for a newcomer, so a flood of starts cannot lock out the next visitor;
/// a conversation active in the last minute is never taken.
/// </summary>
internal sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversationStore> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>A conversation used this recently is never evicted to make room.</summary>
    public static readonly TimeSpan EvictionProtection = TimeSpan.FromMinutes(1);

    private readonly Lock _admission = new();

    public int Count => _conversations.Count;

    /// <summary>
    /// A new conversation; when the channel is full, the idlest conversation (idle at least a minute) is forgotten to
    /// make room. Null only when every open conversation was active in the last minute.
    /// </summary>
    public DirectLineConversation? TryCreate()
    {
        var now = time.GetUtcNow();
        lock (_admission)
        {
            if (_conversations.Count >= _options.MaxConversations && EvictIdle() == 0 && !EvictIdlest(now))
            {
                logger.LogWarning("Direct Line channel full: {Count} conversations open, all active in the last minute", _conversations.Count);
                return null;
            }
        }

        var conversation = new DirectLineConversation(NewId(), "dl_" + NewId(), _options.MaxActivitiesPerConversation, now);
        _conversations[conversation.Id] = conversation;
        return conversation;
    }

    /// <summary>The conversation if it exists and is not idle past the timeout; a successful lookup counts as activity.</summary>
    public DirectLineConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsIdle(conversation, now))
        {
            Remove(conversation);
            return null;
        }

        conversation.Touch(now);
        return conversation;
    }

    /// <summary>Forgets every conversation idle past the timeout; returns how many.</summary>
    public int EvictIdle()
    {
        var now = time.GetUtcNow();
        var evicted = 0;
        foreach (var conversation in _conversations.Values)
        {
            if (IsIdle(conversation, now) && Remove(conversation))
            {
                evicted++;
            }
        }

        return evicted;
    }

    /// <summary>Forgets the conversation seen least recently, if it has been quiet for at least a minute.</summary>
    private bool EvictIdlest(DateTimeOffset now)
    {
        DirectLineConversation? idlest = null;
        foreach (var conversation in _conversations.Values)
        {
            if (idlest is null || conversation.LastSeen < idlest.LastSeen)
            {
                idlest = conversation;
            }
        }

        return idlest is not null && now - idlest.LastSeen >= EvictionProtection && Remove(idlest);
    }

    private bool IsIdle(DirectLineConversation conversation, DateTimeOffset now) =>
        now - conversation.LastSeen >= _options.ConversationIdleTimeout;

    private bool Remove(DirectLineConversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        conversation.Close();
        return true;
    }

    // 128 random bits: unguessable, and URL-safe with no '.' (the token format's separator).
    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
