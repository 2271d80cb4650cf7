using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Conversations;

/// <summary>One conversation against the host's container: the adapter, the bot, the storage keys it writes.</summary>
internal sealed class BotTestBed(IServiceProvider services, string conversationName, string channelId = "test")
{
    public TestAdapter Adapter { get; } = EdgeAdapter.Create(services, conversationName, channelId);

    public IStorage Storage { get; } = services.GetRequiredService<IStorage>();

    public string ConversationKey => StateKeys.For(Adapter.Conversation, Adapter.Conversation.ChannelId)[0];

    public string UserKey => StateKeys.For(Adapter.Conversation, Adapter.Conversation.ChannelId)[1];

    public IBot Bot => services.GetRequiredService<IBot>();

    public TestFlow Flow() => new(Adapter, Bot.OnTurnAsync);

    public Activity UserJoined() => EdgeAdapter.ConversationUpdate(Adapter, Adapter.Conversation.User);

    public Activity BotJoined() => EdgeAdapter.ConversationUpdate(Adapter, Adapter.Conversation.Bot);

    /// <summary>Sends one activity and returns everything the bot sent back.</summary>
    public async Task<List<IActivity>> SendAsync(Activity activity)
    {
        activity.ChannelId ??= Adapter.Conversation.ChannelId;
        await Adapter.ProcessActivityAsync(activity, Bot.OnTurnAsync, CancellationToken.None);
        return BotTranscriptDriver.Drain(Adapter);
    }

    public Task<List<IActivity>> SayAsync(string text) => SendAsync(MessageFactory.Text(text));

    public async Task<IReadOnlyCollection<string>> StoredKeysAsync() =>
        await StateKeys.PresentAsync(Storage, [ConversationKey, UserKey], CancellationToken.None);

    public static List<string> Keys(IEnumerable<IActivity> replies) =>
        replies.Where(a => a.Type == ActivityTypes.Message).Select(BotTranscriptDriver.ResponseKey).ToList();
}
