namespace AwarenessBot.Turns;

/// <summary>
/// What happens when a turn fails, wherever it failed (inside the runner, or in the Bot Framework adapter around it):
/// the failure is logged by ids and exception type only (the message may be a disclosure and must never reach a log),
/// the conversation's state is cleared (a conversation that broke once could break again on the same state), and a
/// message is answered with the safe reply, which names 911.
/// </summary>
internal sealed class TurnFailure(TurnStateStore state, ILogger<TurnFailure> logger)
{
    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(string channelId, string? conversationId, string? activityType, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        logger.LogError(
            "Turn failed on channel {ChannelId}, activity type {ActivityType}: {ExceptionType}",
            channelId,
            activityType,
            exception.GetType().FullName);

        try
        {
            // Not the turn's token: the clean-up must happen even when the request that carried the turn is gone.
            await state.ResetConversationAsync(channelId, conversationId, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The failure path must never throw: a failed clean-up is logged, not rethrown.
        catch (Exception cleanupError)
#pragma warning restore CA1031
        {
            logger.LogError("Could not clear conversation state after a failed turn: {ExceptionType}", cleanupError.GetType().FullName);
        }

        return string.Equals(activityType, ActivityWireNames.Message, StringComparison.OrdinalIgnoreCase) ? [SafeErrorMessage.Create(channelId)] : [];
    }
}
