using AwarenessBot.BotFramework;
using AwarenessBot.Testing.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// Plays transcript turns through the Bot Framework edge: the SDK's TestAdapter with the host's error handler, the
/// real thin bot over the turn runner (resolved per turn, transient as in the host), engine, content and in-memory IStorage.
/// Observations: response keys from <c>channelData.responseKey</c>; choices from the last message's suggested
/// actions or hero-card buttons (the value a button sends); EndConversation when an endOfConversation activity
/// arrives; DeleteAllData when the conversation and user state keys are both gone from IStorage after the turn;
/// events from <see cref="RecordingEventPublisher"/>. A scripted crisis or detected language reaches the bot the way
/// a real one would: through the turn runner's text analysis (<see cref="ScriptedTextAnalyzer"/>). The real analyzer
/// still runs on every message, but its risk signals are replaced by the turn's declared <c>crisis</c> (or none):
/// a transcript states what analysis raised, and the lexicons flag some transcript phrases on their own (see the
/// real-text tests in <see cref="AwarenessActivityBotTests"/>).
/// </summary>
internal sealed class BotTranscriptDriver : ITranscriptDriver
{
    public const string MissingKey = "<no responseKey>";

    private readonly IServiceProvider _services;
    private readonly IStorage _storage;

    public BotTranscriptDriver(IServiceProvider services, string conversationName)
    {
        _services = services;
        _storage = services.GetRequiredService<IStorage>();
        Adapter = EdgeAdapter.Create(services, conversationName);
    }

    public TestAdapter Adapter { get; }

    /// <summary>Every activity the bot sent in the last turn, for assertions beyond the transcript format.</summary>
    public IReadOnlyList<IActivity> LastReplies { get; private set; } = [];

    public async Task<TranscriptTurnResult> SendAsync(TranscriptTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Start ? EdgeAdapter.ConversationUpdate(Adapter, Adapter.Conversation.User) : MessageFactory.Text(turn.User);
        activity.ChannelId = turn.Channel;
        activity.Locale = turn.Locale;
        var keys = StateKeys.For(Adapter.Conversation, turn.Channel);
        var existedBefore = await StateKeys.AnyExistAsync(_storage, keys, cancellationToken);

        var events = new List<string>();
        using (ScriptedTextAnalyzer.Use(new AnalysisScript(turn.Detected, turn.Crisis, SignalsAsDeclared: true) { Severity = turn.Severity, Rule = turn.Rule, ThirdPerson = turn.ThirdPerson, Beside = turn.Beside }))
        using (RecordingEventPublisher.Record(events))
        {
            var bot = _services.GetRequiredService<IBot>();
            await Adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
        }

        var replies = Drain(Adapter);
        LastReplies = replies;
        var messages = replies.Where(a => a.Type == ActivityTypes.Message).Select(a => a.AsMessageActivity()).ToList();
        var effects = new List<string>();
        if (existedBefore && !await StateKeys.AnyExistAsync(_storage, keys, cancellationToken))
        {
            effects.Add(nameof(Engine.Abstractions.TurnEffects.DeleteAllData));
        }

        if (replies.Any(a => a.Type == ActivityTypes.EndOfConversation))
        {
            effects.Add(nameof(Engine.Abstractions.TurnEffects.EndConversation));
        }

        return new TranscriptTurnResult(
            messages.Select(ResponseKey).ToList(),
            messages.Count > 0 ? ButtonValues(messages[^1]) : [],
            effects,
            events);
    }

    public static List<IActivity> Drain(TestAdapter adapter)
    {
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    public static string ResponseKey(IActivity activity) =>
        activity.ChannelData is JObject data && data.Value<string>("responseKey") is { } key ? key : MissingKey;

    /// <summary>What each button sends: the stable id (messageBack value), a label (imBack) or a tel:/URL.</summary>
    public static List<string> ButtonValues(IMessageActivity message)
    {
        var actions = message.SuggestedActions?.Actions
            ?? message.Attachments?.Select(a => a.Content).OfType<HeroCard>().SelectMany(c => c.Buttons).ToList()
            ?? [];
        return actions.Select(a => a.Value?.ToString() ?? "").ToList();
    }
}
