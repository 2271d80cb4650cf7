using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Builder;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The only place that names the persisted state properties. The names are stored data: never rename casually.
/// </summary>
internal sealed class StateAccessors(ConversationState conversationState, UserState userState)
{
    public ConversationState ConversationState { get; } = conversationState;

    public UserState UserState { get; } = userState;

    public IStatePropertyAccessor<DialogSessionState> Session { get; } = conversationState.CreateProperty<DialogSessionState>("dialog");

    public IStatePropertyAccessor<UserProfileState> Profile { get; } = userState.CreateProperty<UserProfileState>("profile");
}
