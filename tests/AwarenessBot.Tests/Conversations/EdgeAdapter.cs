using AwarenessBot.BotFramework;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// A TestAdapter dressed like the host's adapter: the host adapter's own OnTurnError (safe message + conversation
/// state reset), so only the transport differs from production.
/// </summary>
internal static class EdgeAdapter
{
    public static TestAdapter Create(IServiceProvider services, string conversationName, string channelId = "test")
    {
        var conversation = TestAdapter.CreateConversation(conversationName, user: "user-" + conversationName, bot: "bot");
        conversation.ChannelId = channelId;
        var adapter = new TestAdapter(conversation);
        adapter.OnTurnError = services.GetRequiredService<AwarenessAdapter>().OnTurnError;
        return adapter;
    }

    public static Activity ConversationUpdate(TestAdapter adapter, ChannelAccount added)
    {
        var update = (Activity)Activity.CreateConversationUpdateActivity();
        update.MembersAdded = [added];
        update.From = adapter.Conversation.User;
        return update;
    }
}

/// <summary>
/// The storage keys the host's state uses ("{channel}/conversations/{hash}", "{channel}/users/{hash}"), computed by the
/// host's own <see cref="AwarenessBot.BotFramework.StateKeys"/> as in anonymous mode (the test hosts have no app id).
/// </summary>
internal static class StateKeys
{
    private static readonly AwarenessBot.BotFramework.StateKeys Host = new(scopeUsersByConversation: true);

    public static string[] For(ConversationReference conversation, string channelId)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return
        [
            AwarenessBot.BotFramework.StateKeys.Conversation(channelId, conversation.Conversation?.Id),
            Host.User(channelId, conversation.Conversation?.Id, conversation.User?.Id),
        ];
    }

    public static async Task<bool> AnyExistAsync(IStorage storage, string[] keys, CancellationToken cancellationToken) =>
        (await storage.ReadAsync(keys, cancellationToken)).Count > 0;

    public static async Task<IReadOnlyCollection<string>> PresentAsync(IStorage storage, string[] keys, CancellationToken cancellationToken) =>
        [.. (await storage.ReadAsync(keys, cancellationToken)).Keys];
}
