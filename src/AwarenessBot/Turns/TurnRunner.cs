using AwarenessBot.BotFramework;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Rendering;
using AwarenessBot.Storage;

namespace AwarenessBot.Turns;

/// <summary>
/// The one implementation of a turn: analyse the text, load state, let the dialog engine run the turn, save state,
/// then record analytics and class answers and render the replies for the channel. State is saved BEFORE anything is
/// sent, so a turn that lost a race with another instance (a stale ETag) runs again on fresh state without the person
/// seeing two answers. No Bot Framework type: the SDK bot translates to and from it.
/// </summary>
internal sealed class TurnRunner(
    TurnTextAnalysis analysis,
    TurnStateStore state,
    IDialogEngine engine,
    IEngineEventPublisher events,
    ClassAnswerRecorder classAnswers,
    ReplyRenderers renderers,
    TurnFailure failure,
    TimeProvider time,
    ILogger<TurnRunner> logger) : ITurnRunner
{
    private const int MaxAttempts = 3;

    public async Task<IReadOnlyList<OutgoingMessage>> RunAsync(ChannelTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            return await RunTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var type = turn.Kind == TurnKind.Message ? ActivityWireNames.Message : ActivityWireNames.ConversationUpdate;
            return await failure.HandleAsync(turn.ChannelId, turn.ConversationId, type, exception).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<OutgoingMessage>> RunTurnAsync(ChannelTurn turn, CancellationToken cancellationToken)
    {
        var analysed = await analysis.AnalyzeAsync(turn, cancellationToken).ConfigureAwait(false);
        var input = TurnInputFactory.From(turn, analysed, time.GetUtcNow());
        if (input is null)
        {
            return [];
        }

        var outcome = await RunWithRetryAsync(turn, input, cancellationToken).ConfigureAwait(false);
        if (outcome is null)
        {
            return [SafeErrorMessage.PleaseRepeat(turn.ChannelId)];
        }

        if (outcome.Value.Result is not { } result)
        {
            // This activity id already ran in this conversation (a resend after a lost reply): nothing new to say.
            return [];
        }

        events.Publish(outcome.Value.SessionKey, turn.ChannelId, result.Events);
        await classAnswers.RecordAsync(result.ClassAnswers, cancellationToken).ConfigureAwait(false);
        var messages = new List<OutgoingMessage>(renderers.For(turn.ChannelId).Render(result.Replies));
        if (result.Effects.HasFlag(TurnEffects.EndConversation) && ChannelCapabilities.For(turn.ChannelId).SupportsEndOfConversation)
        {
            messages.Add(OutgoingMessage.EndOfConversation);
        }

        return result.Triage is { } triage ? TriageChannelData.Mark(messages, triage) : messages;
    }

    /// <returns>Null when every attempt lost a conflict; a null Result when the activity had already been processed.</returns>
    private async Task<(TurnResult? Result, string? SessionKey)?> RunWithRetryAsync(ChannelTurn turn, TurnInput input, CancellationToken cancellationToken)
    {
        var keys = state.KeysFor(turn);
        var fingerprint = ProcessedActivitiesState.Fingerprint(turn.ActivityId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var loaded = await state.LoadAsync(keys, cancellationToken).ConfigureAwait(false);
            if (fingerprint is not null && loaded.Processed.Contains(fingerprint))
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Activity already processed on channel {ChannelId}; nothing new sent", turn.ChannelId);
                }

                return (null, null);
            }

            var keyBefore = loaded.Session.SessionKey;
            var result = engine.RunTurn(input, loaded.Session, loaded.Profile);

            // "Delete my data" resets the key; its own data_deleted event still belongs to the session that asked.
            var sessionKey = loaded.Session.SessionKey ?? keyBefore;
            try
            {
                if (result.Effects.HasFlag(TurnEffects.DeleteAllData))
                {
                    await state.EraseAsync(keys, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    if (fingerprint is not null)
                    {
                        loaded.Processed.Add(fingerprint);
                    }

                    await state.SaveAsync(loaded, cancellationToken).ConfigureAwait(false);
                }

                return (result, sessionKey);
            }
            catch (StorageConflictException)
            {
                logger.LogWarning("State conflict on channel {ChannelId}, attempt {Attempt} of {MaxAttempts}", turn.ChannelId, attempt, MaxAttempts);
            }
        }

        return null;
    }
}
