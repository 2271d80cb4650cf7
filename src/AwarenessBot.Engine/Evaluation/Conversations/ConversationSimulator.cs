using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Evaluation.Conversations;

/// <summary>
/// Turns a persona's text into the engine's input as the edge does (the host runs its text analysis: language,
/// crisis signals). A null text is the chat opening (the web page's conversationUpdate).
/// </summary>
public interface IPersonaInput
{
    ValueTask<TurnInput> InputAsync(string channelId, string? text, CancellationToken cancellationToken);
}

/// <summary>One simulated conversation: did it reach its goal, in how many messages, and how often the bot re-asked.</summary>
/// <param name="TurnsToGoal">The persona's messages (the opening included) until success, else null.</param>
/// <param name="Reprompts">Messages the engine did not understand (asked again or fell back), follow-ups included.</param>
public sealed record ConversationOutcome(
    ConversationPersona Persona, bool GoalReached, bool RegionRight, int? TurnsToGoal, int Reprompts,
    int FollowUpsRight, IReadOnlyList<string> Transcript)
{
    /// <summary>The goal's content was shown and, where its help is a region's services, for the persona's region.</summary>
    public bool Success => TurnsToGoal is not null;
}

/// <summary>
/// Plays a persona against the real engine, turn by turn. It sends the opening; then, while the goal is not reached
/// and fewer than <see cref="GoalBudget"/> messages were sent, answers whatever the engine waits on: the language,
/// who-are-you, region and age questions with the persona's answer for it (a skipped one with the word the flows'
/// own "skip" button says in the persona's language), a menu or a "what do you need" question — and any other step
/// — with the persona's need. Then it sends the follow-ups one by one.
/// <para>
/// Success: a step the goal label leads to was entered (<see cref="GoalTargets"/>), and, when the persona has a
/// region and the target reached gives a region's services (<see cref="GoalTargets.Reach"/>), services were shown
/// for that region — both within the budget. A follow-up is right when the engine understood it (no re-prompt) and
/// entered a step its expected label leads to.
/// </para>
/// </summary>
public sealed class ConversationSimulator
{
    /// <summary>Messages a persona sends (the opening included) before we say the goal was not reached.</summary>
    public const int GoalBudget = 8;

    private readonly IDialogEngine _engine;
    private readonly FlowCatalog _flows;
    private readonly GoalTargets _targets;
    private readonly IPersonaInput _input;
    private readonly Dictionary<string, string> _skipWords;

    public ConversationSimulator(IDialogEngine engine, IPersonaInput input)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _flows = engine is DialogEngine built ? built.Flows : throw new ArgumentException("Only an engine EngineFactory built can be simulated.", nameof(engine));
        _engine = engine;
        _input = input;
        _targets = new GoalTargets(_flows);
        _skipWords = SkipWords(_flows);
    }

    public async Task<ConversationOutcome> RunAsync(ConversationPersona persona, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var run = new Run(persona, ChannelId(persona.Channel));
        if (run.Channel == WebChannel) await SendAsync(run, null, "start", cancellationToken).ConfigureAwait(false);
        var reached = false;
        var regional = false;
        var regionRight = persona.Region is null;
        int? turnsToGoal = null;
        var text = persona.Opening;
        var asked = "opening";
        for (var sent = 1; sent <= GoalBudget && !run.Ended; sent++)
        {
            var turn = await SendAsync(run, text, asked, cancellationToken).ConfigureAwait(false);
            if (_targets.Reach(persona.Goal, turn) is { } givesServices)
            {
                reached = true;
                regional |= givesServices;
            }
            regionRight |= turn.Events.Any(e => e.Name == AnalyticsEventNames.ServicesShown
                && e.Properties.TryGetValue("region", out var region) && region == persona.Region);
            if (reached && (regionRight || !regional))
            {
                turnsToGoal = sent;
                break;
            }
            (text, asked) = NextMessage(run);
        }

        var followUpsRight = 0;
        foreach (var followUp in persona.FollowUps)
        {
            var turn = await SendAsync(run, followUp.Text, "follow-up → " + followUp.Expect, cancellationToken).ConfigureAwait(false);
            if (!turn.NotUnderstood && _targets.Reached(followUp.Expect, turn)) followUpsRight++;
            else run.Transcript[^1] += "  MISSED";
        }
        return new ConversationOutcome(persona, reached, regionRight || !regional, turnsToGoal, run.Reprompts, followUpsRight, run.Transcript);
    }

    private (string Text, string Asked) NextMessage(Run run)
    {
        var question = PersonaQuestion.Need;
        var othersAge = false;
        if (run.Session.Stack.Count > 0 && run.Session.Stack[^1] is var top && _flows.Find(top.Flow) is { } flow
            && flow.FindStep(top.Step) is { Waits: true } step)
        {
            question = PersonaQuestions.Of(flow, step);
            othersAge = step.Store == PersonaQuestions.OthersAgeBand;
        }
        // A persona with no age in mind answers someone else's age-group question with its need, as before.
        var answer = PersonaQuestions.Answer(run.Persona.Answers, question) ?? (othersAge ? run.Persona.Answers.Need : null);
        return (answer ?? SkipWord(run.Persona.Lang), question.ToString().ToLowerInvariant());
    }

    private async Task<TurnResult> SendAsync(Run run, string? text, string asked, CancellationToken cancellationToken)
    {
        var input = await _input.InputAsync(run.Channel, text, cancellationToken).ConfigureAwait(false);
        var result = _engine.RunTurn(input, run.Session, run.Profile);
        if (result.NotUnderstood) run.Reprompts++;
        if (result.Effects.HasFlag(TurnEffects.DeleteAllData))
        {
            // What the edge does: storage is deleted, the next message starts from empty state.
            run.Session = new DialogSessionState();
            run.Profile = new UserProfileState();
        }
        run.Ended |= result.Effects.HasFlag(TurnEffects.EndConversation);
        run.Transcript.Add($"  [{asked}] {text ?? "(chat opened)"}");
        run.Transcript.Add($"      → {string.Join(" ", result.Replies.Select(r => r.ResponseKey).Distinct(StringComparer.Ordinal))}"
            + (result.Understood is { } u ? $"  (as {u})" : "") + (result.NotUnderstood ? "  NOT UNDERSTOOD" : ""));
        return result;
    }

    private string SkipWord(string lang) => _skipWords.GetValueOrDefault(lang) ?? ConversationPatterns.Skip;

    /// <summary>What the flows' own "skip" button says in each language: the word a person who skips would type.</summary>
    private static Dictionary<string, string> SkipWords(FlowCatalog flows)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var choice in flows.Flows.SelectMany(f => f.Steps).SelectMany(s => s.Choices).Where(c => c.Value == ConversationPatterns.Skip))
        {
            foreach (var (lang, label) in choice.Label) words.TryAdd(lang, label);
        }
        return words;
    }

    private const string WebChannel = "webchat";

    /// <summary>The corpus says web or sms; the bot sees the channel ids its web page and SMS providers use.</summary>
    private static string ChannelId(string channel) => channel == "sms" ? "sms" : WebChannel;

    private sealed class Run(ConversationPersona persona, string channel)
    {
        public ConversationPersona Persona { get; } = persona;
        public string Channel { get; } = channel;
        public DialogSessionState Session { get; set; } = new();
        public UserProfileState Profile { get; set; } = new();
        public int Reprompts { get; set; }
        public bool Ended { get; set; }
        public List<string> Transcript { get; } = [];
    }
}
