using AwarenessBot.BotFramework;
using AwarenessBot.Storage.Erasure;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Turns;

/// <summary>
/// Loads and saves a turn's state through the storage library's <see cref="IStateStore"/>: the keys of
/// <see cref="StateKeys"/> (hashed ids) and the rows of <see cref="StoredStateJson"/>, so the state is the one the
/// Bot Framework path kept. The save is one batch compare-and-set of both rows.
/// </summary>
internal sealed class TurnStateStore(IStateStore store, IUserDataEraser eraser, StateKeys keys)
{
    public TurnStateKeys KeysFor(ChannelTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new(StateKeys.Conversation(turn.ChannelId, turn.ConversationId), keys.User(turn.ChannelId, turn.ConversationId, turn.UserId));
    }

    public async Task<TurnState> LoadAsync(TurnStateKeys turnKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnKeys);
        var rows = await store.ReadAsync([turnKeys.Conversation, turnKeys.User], cancellationToken).ConfigureAwait(false);
        var conversation = rows.GetValueOrDefault(turnKeys.Conversation);
        var user = rows.GetValueOrDefault(turnKeys.User);
        return new TurnState(
            turnKeys,
            conversation?.Json,
            conversation?.ETag,
            user?.Json,
            user?.ETag);
    }

    /// <summary>
    /// Saves conversation and user state in ONE write, so a turn is kept whole or not at all: a turn that lost a race
    /// (<see cref="Storage.StorageConflictException"/>) leaves nothing behind and can run again on fresh state. Both
    /// rows are written every turn, which also keeps the user's idle expiry sliding while they talk.
    /// </summary>
    public Task SaveAsync(TurnState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return store.WriteAsync(
            [
                Write(state.Keys.Conversation, StoredStateJson.WriteConversation(state.ConversationLayout, state.Processed, state.Session), state.ConversationETag),
                Write(state.Keys.User, StoredStateJson.WriteUser(state.UserLayout, state.Profile), state.UserETag),
            ],
            cancellationToken);
    }

    /// <summary>
    /// "Delete my data": every stored row of this conversation and its user, in one operation. The keys are this
    /// turn's own, so a caller can only ever erase what their own conversation's user owns.
    /// </summary>
    public Task EraseAsync(TurnStateKeys turnKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnKeys);
        return eraser.EraseAsync(turnKeys.Conversation, turnKeys.User, cancellationToken);
    }

    /// <summary>After a failed turn: the conversation starts over (the user's choices are kept).</summary>
    public Task ResetConversationAsync(string channelId, string? conversationId, CancellationToken cancellationToken) =>
        store.DeleteAsync([StateKeys.Conversation(channelId, conversationId)], cancellationToken);

    private static StateWrite Write(string key, string json, string? etag) =>
        etag is null ? StateWrite.Create(key, json) : StateWrite.Replace(key, json, etag);
}
