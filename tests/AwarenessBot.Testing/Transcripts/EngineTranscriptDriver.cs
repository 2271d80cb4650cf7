using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Testing.Transcripts;

/// <summary>Runs transcript turns straight through <see cref="IDialogEngine"/>, keeping the state between turns in memory.</summary>
public sealed class EngineTranscriptDriver(IDialogEngine engine, DateTimeOffset now) : ITranscriptDriver
{
    public DialogSessionState Session { get; private set; } = new();

    public UserProfileState Profile { get; private set; } = new();

    /// <summary>The last turn's full result, for assertions beyond the transcript format.</summary>
    public TurnResult? LastResult { get; private set; }

    public Task<TranscriptTurnResult> SendAsync(TranscriptTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var crisis = turn.Crisis is { } category
            ? new CrisisSignal(category, turn.Severity) { Rule = turn.Rule ?? "test:scripted", ByFrame = turn.Rule != "model", ThirdPerson = turn.ThirdPerson, Beside = turn.Beside }
            : null;
        var input = new TurnInput(turn.Start ? TurnKind.ConversationStart : TurnKind.Message, turn.User, turn.Channel, turn.Locale,
            turn.Detected, crisis, now);
        var result = engine.RunTurn(input, Session, Profile);
        LastResult = result;
        if (result.Effects.HasFlag(TurnEffects.DeleteAllData))
        {
            // What the edge does: storage is deleted, the next turn starts from empty state.
            Session = new DialogSessionState();
            Profile = new UserProfileState();
        }
        var effects = Enum.GetValues<TurnEffects>().Where(e => e != TurnEffects.None && result.Effects.HasFlag(e)).Select(e => e.ToString()).ToList();
        var last = result.Replies.Count > 0 ? result.Replies[^1].Choices.Select(c => c.Id).ToList() : [];
        var variants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reply in result.Replies.Where(r => r.Audience is not null)) variants.TryAdd(reply.ResponseKey, reply.Audience!);
        return Task.FromResult(new TranscriptTurnResult(
            result.Replies.Select(r => r.ResponseKey).ToList(), last, effects, result.Events.Select(e => e.Name).ToList()) { Variants = variants, Locales = [.. result.Replies.Select(r => r.Locale)] });
    }
}
