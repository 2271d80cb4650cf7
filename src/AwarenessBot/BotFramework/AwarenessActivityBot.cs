using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Rendering;
using AwarenessBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The thin bot: load state, let the dialog engine run the turn, save state, then send the replies.
/// State is saved BEFORE anything is sent, so a turn that lost a race with another instance (a stale ETag) can be
/// run again on fresh state without the person seeing two answers.
/// </summary>
internal sealed class AwarenessActivityBot(
    StateAccessors state,
    IDialogEngine engine,
    IEngineEventPublisher events,
    ClassAnswerRecorder classAnswers,
    ReplyRenderers renderers,
    TimeProvider time,
    ILogger<AwarenessActivityBot> logger) : IBot
{
    private const int MaxAttempts = 3;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var input = TurnInputFactory.From(turnContext.Activity, turnContext.TurnState.Get<TextAnalysis>(), time.GetUtcNow());
        if (input is null)
        {
            return;
        }

        var outcome = await RunWithRetryAsync(turnContext, input, cancellationToken).ConfigureAwait(false);
        if (outcome is { Result: null })
        {
            // This activity id already ran in this conversation (a resend after a lost reply): nothing new to say.
            return;
        }

        if (outcome is null)
        {
            await turnContext.SendActivityAsync(SafeErrorMessage.PleaseRepeat(turnContext.Activity.ChannelId), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (turnResult, sessionKey) = outcome.Value;
        var result = turnResult!;
        if (result.Triage is { } triage)
        {
            turnContext.TurnState.Set(triage);
        }

        events.Publish(sessionKey, turnContext.Activity.ChannelId, result.Events);
        await classAnswers.RecordAsync(result.ClassAnswers, cancellationToken).ConfigureAwait(false);
        var activities = renderers.For(turnContext.Activity.ChannelId).Render(result.Replies);
        if (activities.Count > 0)
        {
            await turnContext.SendActivitiesAsync([.. activities], cancellationToken).ConfigureAwait(false);
        }

        if (result.Effects.HasFlag(TurnEffects.EndConversation)
            && ChannelCapabilities.For(turnContext.Activity.ChannelId).SupportsEndOfConversation)
        {
            var end = Activity.CreateEndOfConversationActivity();
            end.Code = EndOfConversationCodes.CompletedSuccessfully;
            await turnContext.SendActivityAsync(end, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>Null when every attempt lost a conflict; a null Result when the activity had already been processed.</returns>
    private async Task<(TurnResult? Result, string? SessionKey)?> RunWithRetryAsync(ITurnContext turnContext, TurnInput input, CancellationToken cancellationToken)
    {
        var fingerprint = ProcessedActivitiesState.Fingerprint(turnContext.Activity.Id);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var processed = await state.Processed.GetAsync(turnContext, () => new ProcessedActivitiesState(), cancellationToken).ConfigureAwait(false);
            if (fingerprint is not null && processed.Contains(fingerprint))
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Activity already processed on channel {ChannelId}; nothing new sent", turnContext.Activity.ChannelId);
                }

                return (null, null);
            }

            var session = await state.Session.GetAsync(turnContext, () => new DialogSessionState(), cancellationToken).ConfigureAwait(false);
            var profile = await state.Profile.GetAsync(turnContext, () => new UserProfileState(), cancellationToken).ConfigureAwait(false);
            var keyBefore = session.SessionKey;
            var result = engine.RunTurn(input, session, profile);

            // "Delete my data" resets the key; its own data_deleted event still belongs to the session that asked.
            var sessionKey = session.SessionKey ?? keyBefore;
            try
            {
                if (result.Effects.HasFlag(TurnEffects.DeleteAllData))
                {
                    await state.EraseAsync(turnContext, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // Stores without type names hand back JObjects that BotState converts on every read, so the
                    // objects the engine changed must be put back before saving.
                    if (fingerprint is not null)
                    {
                        processed.Add(fingerprint);
                        await state.Processed.SetAsync(turnContext, processed, cancellationToken).ConfigureAwait(false);
                    }

                    await state.Session.SetAsync(turnContext, session, cancellationToken).ConfigureAwait(false);
                    await state.Profile.SetAsync(turnContext, profile, cancellationToken).ConfigureAwait(false);
                    await state.SaveTogetherAsync(turnContext, cancellationToken).ConfigureAwait(false);
                }

                return (result, sessionKey);
            }
            catch (StorageConflictException)
            {
                logger.LogWarning("State conflict on channel {ChannelId}, attempt {Attempt} of {MaxAttempts}", turnContext.Activity.ChannelId, attempt, MaxAttempts);
                await state.ConversationState.LoadAsync(turnContext, force: true, cancellationToken).ConfigureAwait(false);
                await state.UserState.LoadAsync(turnContext, force: true, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }
}
