using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Open conversations, in memory, capped and forgotten after an idle period. Forgetting is the privacy feature:
/// nothing of a chat outlives its idle timeout here (the bot's own state store has its own rules).
/// </summary>
internal sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversationStore> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    public int Count => _conversations.Count;

    /// <summary>A new conversation, or null when the channel is full even after forgetting idle ones.</summary>
    public DirectLineConversation? TryCreate()
    {
        if (_conversations.Count >= _options.MaxConversations)
        {
            EvictIdle();
            if (_conversations.Count >= _options.MaxConversations)
            {
                logger.LogWarning("Direct Line channel full: {Count} conversations open", _conversations.Count);
                return null;
            }
        }

        var now = time.GetUtcNow();
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
