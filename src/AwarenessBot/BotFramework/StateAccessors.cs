using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Storage.Erasure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The only place that names the persisted state properties (the names are stored data: never rename casually),
/// and the one save of a turn.
/// </summary>
internal sealed class StateAccessors(ConversationState conversationState, UserState userState, IStorage storage, IUserDataEraser eraser, StateKeys keys)
{
    public ConversationState ConversationState { get; } = conversationState;

    public UserState UserState { get; } = userState;

    public IStatePropertyAccessor<DialogSessionState> Session { get; } = conversationState.CreateProperty<DialogSessionState>("dialog");

    public IStatePropertyAccessor<UserProfileState> Profile { get; } = userState.CreateProperty<UserProfileState>("profile");

    /// <summary>Activity ids this conversation has already run (idempotent turns).</summary>
    public IStatePropertyAccessor<ProcessedActivitiesState> Processed { get; } = conversationState.CreateProperty<ProcessedActivitiesState>("processed");

    /// <summary>
    /// Saves conversation and user state in ONE storage write, so a turn is kept whole or not at all: the SQL stores
    /// commit a write as one compare-and-set transaction, and a turn that lost a race leaves nothing behind (two
    /// separate saves could keep half a turn, then apply it twice on retry). Both rows are written every turn, which
    /// also keeps the user's idle expiry sliding while they talk.
    /// </summary>
    public Task SaveTogetherAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var changes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ActivityStateKeys.Conversation(activity)] = ConversationState.GetCachedState(turnContext).State,
            [ActivityStateKeys.User(keys, activity)] = UserState.GetCachedState(turnContext).State,
        };
        return storage.WriteAsync(changes, cancellationToken);
    }

    /// <summary>
    /// "Delete my data": every stored row of this conversation and its user, in one operation. The keys are this
    /// turn's own (<see cref="StateKeys"/>), so a caller can only ever erase what their own conversation's user owns.
    /// </summary>
    public Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return eraser.EraseAsync(ActivityStateKeys.Conversation(turnContext.Activity), ActivityStateKeys.User(keys, turnContext.Activity), cancellationToken);
    }
}

/// <summary><see cref="StateKeys"/> for a Bot Framework activity: its channel, conversation and sender ids.</summary>
internal static class ActivityStateKeys
{
    public static string Conversation(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return StateKeys.Conversation(activity.ChannelId, activity.Conversation?.Id);
    }

    public static string User(StateKeys keys, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(activity);
        return keys.User(activity.ChannelId, activity.Conversation?.Id, activity.From?.Id);
    }
}

/// <summary>ConversationState under <see cref="StateKeys"/> (hashed ids).</summary>
internal sealed class KeyedConversationState(IStorage storage) : ConversationState(storage)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return ActivityStateKeys.Conversation(turnContext.Activity);
    }
}

/// <summary>UserState under <see cref="StateKeys"/> (hashed ids, scoped by conversation in anonymous mode).</summary>
internal sealed class KeyedUserState(IStorage storage, StateKeys keys) : UserState(storage)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return ActivityStateKeys.User(keys, turnContext.Activity);
    }
}
