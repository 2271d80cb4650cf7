using AwarenessBot.Analysis.Model;
using System.Security.Cryptography;
using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// One turn: crisis first, then the welcome; slots (region, age band, audience) are read from every message; then the
/// waiting step's answer (buttons, numbers, labels), interruptions, conversation patterns (skip, back, I don't know),
/// answers by intent and modules, a slot that answers the question, the step's otherwise; else ask again once, then
/// the fallback.
/// </summary>
internal sealed class DialogEngine(
    DialogRuntime runtime, MessageUnderstanding understanding, ConversationPatterns patterns)
    : IDialogEngine
{
    /// <summary>The modules, age bands and locales a lesson link may name (from the flows).</summary>
    public LessonCatalog Lessons { get; } = new(runtime.Stack.Flows.Flows);

    /// <summary>The flows this engine runs (the conversation evaluation reads the waiting step from them).</summary>
    internal FlowCatalog Flows => runtime.Stack.Flows;

    public const string RepromptMenuKey = "system_reprompt_menu";

    /// <summary>One re-prompt, then the fallback (likely topics, the hotline, the menu): never the same question three times.</summary>
    public const int DefaultMaxRetries = 1;

    public TurnResult RunTurn(TurnInput input, DialogSessionState session, UserProfileState profile)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(profile);
        if (session.Version != DialogSessionState.CurrentVersion)
        {
            // State saved by another version of the engine: keep the person's choices, restart the dialog.
            session.Stack.Clear();
            session.Version = DialogSessionState.CurrentVersion;
        }
        var ctx = new TurnContext(input, session, profile, LocaleResolver.Resolve(input, profile)) { LocaleBefore = profile.Locale };
        if (WrittenIn(ctx) is { } written) ctx.Locale = written;
        TrackLocale(ctx);
        StartSession(ctx);
        // Slots are kept from every message, a crisis too: "im in whitehorse, ..." gets Yukon's services later.
        var slots = input.Kind == TurnKind.Message ? ReadSlots(ctx) : MessageSlots.None;
        var crisis = input.Crisis ?? RiskEvidence.Accumulate(session, input);
        if (input.Crisis is not null) RiskEvidence.Accumulate(session, input);
        var answering = crisis is not null && AnsweringThisCrisis(ctx, crisis);
        var followUp = crisis is not null && !answering && FollowUpBesideWeakSignal(ctx, crisis, slots);
        if (crisis is not null && !answering && !followUp) Crisis(ctx, crisis);
        else if (input.Kind == TurnKind.ConversationStart) Start(ctx);
        else if (input.UnsupportedScript is not null) Interrupt(ctx, FlowCatalog.UnsupportedLanguage);
        else Message(ctx, input.Text, slots);
        // A follow-up answered beside a weak signal reports no triage to the page: the person asked a question ("je veux
        // pas que mes parents sachent" after the CSE answer) and got its answer, so a banner changing to another risk
        // than the one answered (the model read self-harm into the fear of parents finding out) would say the bot saw
        // something it chose not to ask about, and frighten more than it helps. The banner of the crisis answered
        // before stays on the page (it is sticky), the signal still adds to the conversation's evidence (RiskEvidence),
        // and a frame or a high signal still interrupts and is reported.
        return new TurnResult(ctx.Replies, ctx.Events, ctx.Effects)
        {
            Triage = followUp ? null : crisis, Visited = ctx.Visited, Understood = ctx.Understood, NotUnderstood = ctx.NotUnderstood,
            ClassAnswers = ctx.ClassAnswers,
        };
    }

    /// <summary>
    /// A message too short for the text analysis to be sure of its language ("salut", "hola") but plainly written in
    /// another language than the conversation's, by the words of seeds/intents: while no language was chosen, the
    /// reply is in the language the person wrote in (not the page's or the browser's).
    /// </summary>
    private string? WrittenIn(TurnContext ctx) =>
        ctx.Input.Kind == TurnKind.Message && !ctx.Profile.LocaleChosen && !LocaleResolver.IsSupported(ctx.Input.DetectedLanguage)
            ? understanding.Matcher.Catalog.Languages.PlainlyWrittenIn(understanding.Matcher.Catalog.Words.Tokens(ctx.Input.Text), ctx.Locale)
            : null;

    private static void TrackLocale(TurnContext ctx)
    {
        if (ctx.Profile.LocaleChosen) return;
        if (ctx.Profile.Locale is { } previous && previous != ctx.Locale) ctx.Emit(AnalyticsEventNames.LanguageSwitched, ("locale", ctx.Locale));
        ctx.Profile.Locale = ctx.Locale;
    }

    private static void StartSession(TurnContext ctx)
    {
        if (ctx.Session.SessionKey is not null) return;
        ctx.Session.SessionKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        ctx.Emit(AnalyticsEventNames.SessionStarted,
            ("channel", ctx.Input.ChannelId),
            ("locale", ctx.Locale),
            ("audience", ctx.Profile.Audience ?? "unknown"),
            ("age_band", ctx.Profile.AgeBand ?? "unknown"),
            ("region", ctx.Profile.Region ?? "unknown"));
    }

    private void Crisis(TurnContext ctx, CrisisSignal crisis)
    {
        ctx.Emit(AnalyticsEventNames.CrisisRaised, ("category", crisis.Category), ("severity", crisis.Severity));
        ctx.Session.Welcomed = true;
        var flow = CrisisFlow(crisis);
        var at = DialogStack.IndexOf(ctx, flow.Id);
        if (at >= 0) ctx.Session.Stack.RemoveRange(at, ctx.Session.Stack.Count - at);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (crisis.Rule.Length > 0) values[FlowCatalog.RuleValue] = crisis.Rule;
        values[FlowCatalog.CategoryValue] = crisis.Category;
        // What the crisis flow may branch on this turn (turn.crisis_rule, turn.topic): "he wants to meet me and says
        // it's our secret" gets "don't go" first, at any age band, an unknown one too.
        var asked = ctx.Input.Kind == TurnKind.Message ? TopicAsked(ctx.Input.Text, ctx.Locale) : null;
        ctx.CrisisRule = crisis.Rule;
        ctx.CrisisTopic = asked?.Match.Intent;
        if (asked is { } topic && (flow.OverTopic.Contains(topic.Flow!.Id) || flow.OverTopicIntents.Contains(topic.Match.Intent)))
        {
            FlowOpener.Open(runtime.Stack, ctx, topic);
            values[FlowCatalog.TopicValue] = topic.Flow!.Id;
            // The topic remembers the answer it was opened over (its flow, rule and voice): what the topic does not
            // take ("what do i do", "will i get in trouble", "he loves me tho") goes back to that answer (AnswerBelow).
            if (ctx.Top is { } opened)
            {
                var kept = opened.Values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                kept[FlowCatalog.CrisisValue] = flow.Id;
                if (crisis.Rule.Length > 0) kept[FlowCatalog.RuleValue] = crisis.Rule;
                if (crisis.ThirdPerson && BotCatalog.Default.ThirdPersonContentAudience is { } voice) kept[FlowCatalog.SpeaksToValue] = voice;
            }
        }
        runtime.Stack.Push(ctx, flow.Id, null, values);
        // "my friend says she'll kill herself tonight": this run's answers speak to the one who is worried (what they
        // can do now), where an item has that variant; the services stay the same lines. Each variant still says
        // what to do if it is happening to the writer, since the flag is a guess ("my mom" does not make it about her).
        ctx.Session.Stack[^1].SpeaksTo = crisis.ThirdPerson ? BotCatalog.Default.ThirdPersonContentAudience : null;
        runtime.Run(ctx);
    }

    /// <summary>
    /// The person is answering the question this very crisis flow just asked ("are you safe right now?", the crisis
    /// answer's "what now"): the signal comes from the same situation told again, so the message is heard at that
    /// step — its choices, its follow-ups, a topic it asks for — instead of the whole answer and the same question
    /// once more (never the same question three times). The turn still carries the triage for the page's banner.
    /// Not when the run speaks to someone worried about another person and this signal is about the writer ("my
    /// friend wants to die" then "honestly me too"): they get the answer written for them.
    /// </summary>
    private bool AnsweringThisCrisis(TurnContext ctx, CrisisSignal crisis) =>
        ctx.Input.Kind == TurnKind.Message
        && ctx.Top is { } top
        && string.Equals(top.Flow, CrisisFlow(crisis).Id, StringComparison.Ordinal)
        && (top.SpeaksTo is null || crisis.ThirdPerson)
        && runtime.Stack.StepOf(top) is { Waits: true };

    /// <summary>
    /// Inside a topic, a follow-up question the bot understands ("do i have to tell my mom", "¿se van a enterar de que
    /// fui yo?") that only the model or the conversation's faded evidence reads as a weak risk is answered, not met
    /// with "are you safe right now?" — asking that of someone who is asking what to do next is the interruption the
    /// person just escaped. A frame (an explainable pattern of a situation) or a high signal still interrupts. Such a
    /// turn reports no triage to the page (see <see cref="RunTurn"/>).
    /// </summary>
    private bool FollowUpBesideWeakSignal(TurnContext ctx, CrisisSignal crisis, MessageSlots slots)
    {
        if (crisis.ByFrame) return false;
        var meaning = understanding.Read(ctx.Input.Text, slots, ctx.Session.Welcomed, WaitingStep(ctx), servicesShown: ctx.Session.ShownServices is { Count: > 0 }, ctx.Locale, ctx.LocaleBefore);
        // A flow marked before_model_only_signal (deleting what the person said) is carried out at any point, the first
        // message included, whatever the model alone reads into the request; other follow-ups only beside a check-in,
        // inside a topic.
        if (meaning.Intent is { Flow.BeforeModelOnlySignal: true, Match.Score: >= IntentMatcher.Threshold }) return true;
        if (crisis.Severity != CrisisSignal.CheckIn) return false;
        // The bot's own button, clicked or typed whole, answers the question asked: "No, keep it" at the delete
        // confirmation read as self-harm 0.81 to the model and got "are you safe right now?".
        if (WaitingStep(ctx) is { } asked && runtime.Stack.Flows.ChoicesOf(asked) is { } choices
            && choices.Recognize(TextNormalizer.Normalize(ctx.Input.Text), [], fuzzy: false) >= 0)
            return true;
        if (!ctx.Session.Welcomed || ctx.Top is not { } top || runtime.Stack.Flows.Find(top.Flow) is not { Type: FlowType.Module or FlowType.Crisis })
            return false;
        if (meaning.Intent is { Role: IntentRole.Module or IntentRole.Interruption or IntentRole.Route, Match.Score: >= IntentMatcher.Threshold } heard
            && !IntentCatalog.IsSmallTalk(heard.Match.Intent) && heard.Match.Intent != IntentCatalog.RegionOnly)
        {
            ctx.HeardBesideWeakSignal = true;
            return true;
        }
        // In a topic opened over a crisis answer, a follow-up of that answer ("will i get in trouble") is a question too.
        return AnswerBelow(ctx, top, ctx.Input.Text, slots, meaning.Intent) is not null;
    }

    /// <summary>
    /// The crisis answer, or the check-in: the category's own check-in (crisis_check_in_&lt;category&gt;) when the
    /// dialogs have one, else for a message about someone else the worried person's check-in, else the general
    /// "Are you safe right now?".
    /// </summary>
    private FlowDefinition CrisisFlow(CrisisSignal crisis)
    {
        var flows = runtime.Stack.Flows;
        if (crisis.Severity == CrisisSignal.CheckIn
            && (flows.Find(FlowCatalog.CheckInFor(crisis.Category))
                ?? (crisis.ThirdPerson ? flows.Find(FlowCatalog.CheckInSomeoneElse) : null)
                ?? flows.Find(FlowCatalog.CheckIn)) is { } checkIn)
        {
            return checkIn;
        }
        return flows.Find(FlowCatalog.CrisisPrefix + crisis.Category) ?? flows.Get(FlowCatalog.CrisisPrefix + "immediate_danger");
    }

    /// <summary>The module topic the crisis message also asked for ("my boss won't pay me": pay), if any.</summary>
    private RoutedIntent? TopicAsked(string? raw, string locale)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var tokens = understanding.Matcher.Catalog.Words.Tokens(raw);
        TextClass? modelAsked = null;
        var matches = understanding.Matcher.MatchTokens(tokens, null, askModel: true, understanding.Matcher.MessageLanguage(tokens, locale), ref modelAsked,
            HyphenatedWords.In(raw));
        return understanding.Router.Choose(matches, null) is { Flow.Type: FlowType.Module, Role: not IntentRole.Pattern } topic ? topic : null;
    }

    /// <summary>Runs a system flow over whatever the person was doing; it resumes there afterwards.</summary>
    private void Interrupt(TurnContext ctx, string flowId)
    {
        ctx.Session.Welcomed = true;
        runtime.Stack.Push(ctx, runtime.Stack.Flows.Get(flowId).Id, null, null);
        runtime.Run(ctx);
    }

    private void Start(TurnContext ctx)
    {
        var lesson = ctx.Input.Lesson is { } l ? Lessons.Resolve(l.Module, l.AgeBand, l.Locale) : null;
        if (lesson is not null) BeginLesson(ctx, lesson);
        else if (!ctx.Session.Welcomed) Welcome(ctx);
        else runtime.Run(ctx);
    }

    /// <summary>
    /// A lesson link: the class gets the module at once, in the link's language and age band (the content for that
    /// band only), after the short lesson welcome; no question is asked first and nothing about anyone is kept.
    /// </summary>
    private void BeginLesson(TurnContext ctx, Abstractions.LessonStart lesson)
    {
        ctx.Session.Welcomed = true;
        // Resolve builds the lesson from the flows, so the code comes from the input; the edge checked its shape.
        ctx.Session.ClassCode = ctx.Input.Lesson?.ClassCode;
        ctx.Profile.Locale = lesson.Locale;
        ctx.Profile.LocaleChosen = true;
        ctx.Locale = lesson.Locale;
        ctx.Profile.AgeBand = lesson.AgeBand;
        ctx.Session.Stack.Clear();
        runtime.Stack.Push(ctx, FlowCatalog.MainMenu, null, null);
        runtime.Stack.Push(ctx, lesson.Module, null, null);
        if (runtime.Stack.Flows.Find(FlowCatalog.LessonWelcome) is not null) runtime.Stack.Push(ctx, FlowCatalog.LessonWelcome, null, null);
        runtime.Run(ctx);
    }

    private void Welcome(TurnContext ctx)
    {
        ctx.Session.Welcomed = true;
        ctx.Session.Stack.Clear();
        runtime.Stack.Push(ctx, FlowCatalog.Welcome, null, null);
        runtime.Run(ctx);
    }

    /// <summary>The step on top of the stack when it waits for an answer, else null.</summary>
    private Definitions.StepDefinition? WaitingStep(TurnContext ctx) =>
        ctx.Top is { } top && runtime.Stack.StepOf(top) is { Waits: true } asked ? asked : null;

    private MessageSlots ReadSlots(TurnContext ctx)
    {
        var waiting = WaitingStep(ctx);
        var slots = understanding.Slots(ctx.Input.Text, waiting);
        ctx.StatedBand = slots.AgeBand;
        // At a question about someone else's age ("Which age group do you work with?") the age is not the person's.
        var othersAge = understanding.AsksAgeBand(waiting) && waiting!.Store != FieldAccess.ProfileAgeBand;
        Remember(ctx, othersAge ? slots with { AgeBand = null } : slots, waiting);
        // "the lawyer" names a service only when one of the services shown is a lawyer's: "may libreng lawyer ba" after
        // the labour lines asks for a lawyer.
        ctx.ServiceNamed = slots.Service is not null && runtime.HandlerFor(Definitions.StepKind.ServiceDetails) is Steps.ServiceDetailsHandler details
            ? details.AmongShown(ctx, slots.Service)
            : null;
        return slots with { Service = ctx.ServiceNamed };
    }

    private void Message(TurnContext ctx, string? raw, MessageSlots slots)
    {
        var normalized = TextNormalizer.Normalize(raw);
        if (normalized.Length == 0)
        {
            // Nothing typed, or only emoji and signs: "I'm here", then the same question (not a wrong answer).
            if (!ctx.Session.Welcomed) Welcome(ctx);
            else Interrupt(ctx, FlowCatalog.EmptyMessage);
            return;
        }
        var tokens = understanding.Matcher.Catalog.Words.Tokens(raw);
        var text = new Steps.UserText(normalized, Words(tokens), understanding.ChoiceNumbers);
        var waiting = WaitingStep(ctx);
        var meaning = understanding.Read(raw, slots, ctx.Session.Welcomed, waiting, servicesShown: ctx.Session.ShownServices is { Count: > 0 }, ctx.Locale, ctx.LocaleBefore);
        var matches = meaning.Matches;
        if (meaning.PlaceInPassing && ctx.RegionNamed is not null)
        {
            // "whats the weather in toronto tmrw" from someone in BC: the place was only in passing, BC stays.
            ctx.Profile.Region = ctx.RegionBefore;
            ctx.RegionNamed = null;
            ctx.RegionPicked = false;
        }
        var acknowledged = SideNotes(ctx, matches);
        if (!ctx.Session.Welcomed)
        {
            // Someone who opens with their situation gets help with it; anyone else (a greeting, "back", "I don't
            // know" too) gets the welcome.
            var first = meaning.Intent;
            if (first is not null && !IntentCatalog.IsSmallTalk(first.Match.Intent) && first.Role != IntentRole.Pattern)
            {
                ctx.Session.Welcomed = true;
                ctx.Understood = first.Match.Intent;
                FlowOpener.Open(runtime.Stack, ctx, first);
                runtime.Run(ctx);
            }
            else Welcome(ctx);
            return;
        }
        if (ctx.Top is not { } frame || runtime.Stack.StepOf(frame) is not { Waits: true } step)
        {
            if (meaning.Intent is { Role: IntentRole.Pattern } pattern)
            {
                ctx.Understood = pattern.Match.Intent;
                patterns.ApplyWithoutStep(ctx, pattern.Match.Intent);
            }
            else if (meaning.Intent is { } routed)
            {
                ctx.Understood = routed.Match.Intent;
                FlowOpener.Open(runtime.Stack, ctx, routed);
            }
            else ctx.Session.Stack.Clear();
            runtime.Run(ctx);
            return;
        }
        var handler = (Steps.IAskHandler)runtime.HandlerFor(step.Kind);
        var intent = meaning.Intent;
        if (meaning.RegionRequest is { } request)
        {
            // "Truro. they pay us less than the contract says": the answer and a request. The region is kept (the
            // question is answered) and the request opens, with that region's help.
            FieldAccess.Write(ctx, frame, step.Store!, slots.Region);
            ctx.Understood = request.Match.Intent;
            FlowOpener.Open(runtime.Stack, ctx, request);
            runtime.Run(ctx);
            return;
        }
        // Buttons by value, number or whole label first; then an exact intent; then labels matched loosely in the
        // message's own language (and those it mixes in); another language's labels only when no intent is heard at all:
        // "se guardan mis mensajes?" at "Who are you?" is the privacy question, not the English "guardian" one letter off.
        var ownLanguage = understanding.Matcher.Catalog.Languages.CountsInFull(meaning.Language);
        // A loose label that finds fewer of the message's words than an intent's phrase found whole yields to it.
        text = text with
        {
            IntentWords = intent is { Match: { Complete: true, Score: >= IntentMatcher.Threshold } found } && found.Phrase != IntentModelOpinion.Phrase ? found.WordsFound : 0,
        };
        var target = handler.Recognize(ctx, frame, step, text with { Fuzzy = false })
            ?? BandAnswer(ctx, frame, step, slots)
            ?? (intent is { Match.Score: >= IntentMatcher.ExactScore } ? null
                : handler.Recognize(ctx, frame, step, text with { Locales = ownLanguage })
                  ?? (ownLanguage == 0 || intent is { Match.Score: >= IntentMatcher.Threshold } ? null : handler.Recognize(ctx, frame, step, text)));
        // An intent that would only start this very flow again (its introduction, then the same question) is no
        // answer: the question is asked again once, then the fallback.
        if (intent is not null && RestartsThisFlow(frame, intent)) intent = null;
        if (target is null && !acknowledged && AnswerBelow(ctx, frame, raw, slots, intent) is { } below)
        {
            // A topic opened over a crisis answer: a follow-up of that answer is heard by the answer again, at its
            // listening step (its answer for this situation, then its Continue / Main menu).
            runtime.Stack.Push(ctx, below.Flow.Id, below.Step.Id, below.Values);
            ctx.Session.Stack[^1].SpeaksTo = below.SpeaksTo;
            Message(ctx, raw, slots);
            return;
        }
        if (target is not null || (intent is not null && intent.Match.Intent != ConversationPatterns.DontKnow)) Listening.Understood(frame);
        if (target is not null)
        {
            runtime.MoveTo(ctx, frame, target);
        }
        else if (intent is not null)
        {
            ctx.Understood = intent.Match.Intent;
            if (intent.Role == IntentRole.Pattern) patterns.Apply(ctx, frame, step, intent.Match.Intent);
            else if (intent.Route is { } route)
            {
                if (step.Store is { } store) FieldAccess.Write(ctx, frame, store, route.Value ?? route.Intent);
                runtime.MoveTo(ctx, frame, Conditions.Resolve(route.Next ?? step.Next, ctx, frame));
            }
            else FlowOpener.Open(runtime.Stack, ctx, intent);
        }
        else if (DialogRuntime.KnownSlotAnswer(ctx, frame, step) is { } answered)
        {
            // "im 14" at the age question, "my son" at "who are you?": the slot read from the message answers it.
            runtime.MoveTo(ctx, frame, answered);
        }
        else if (step.Otherwise is { } otherwise)
        {
            runtime.MoveTo(ctx, frame, Listening.Heard(frame, step, otherwise));
        }
        else if (!acknowledged && meaning.OutOfScope && AsksNoSlot(step) && runtime.Stack.Flows.Find(FlowCatalog.OutOfScope) is { } outOfScope)
        {
            // "can you fill out the form for me" after a topic: what the bot can do, then the same question - not
            // "Sorry, I didn't get that", which tells the person to rephrase a request the bot will never do.
            ctx.Understood = IntentCatalog.OutOfScope;
            runtime.Stack.Push(ctx, outOfScope.Id, null, null);
        }
        else if (!acknowledged && !Reprompt(ctx, frame, step, handler)) return;
        runtime.Run(ctx);
    }

    /// <summary>The crisis answer a topic was opened over, at its listening step, with the values and voice of its run.</summary>
    private sealed record CrisisBelow(FlowDefinition Flow, Definitions.StepDefinition Step, Dictionary<string, string> Values, string? SpeaksTo);

    /// <summary>
    /// The topic on top was opened over a crisis answer ("he'll post my pics unless i pay, what is sextortion?": the
    /// answer, then the sextortion topic) and this message is one of that answer's follow-ups, chosen at the answer's
    /// listening step over anything else the message may mean ("what do i do", "will i get in trouble", "he loves me
    /// tho"): the answer hears it again, at that step. A message neither understands stays the topic's (asked again
    /// once, then the fallback): handed to the answer, it would be read without the intent model from then on, and
    /// the topic's own questions ("san ko sila irereport") read worse there. Null otherwise, and for any other frame.
    /// </summary>
    private CrisisBelow? AnswerBelow(TurnContext ctx, DialogFrame frame, string? raw, MessageSlots slots, RoutedIntent? intent)
    {
        if (frame.Values is not { } values || !values.TryGetValue(FlowCatalog.CrisisValue, out var crisisId)
            || runtime.Stack.Flows.Find(crisisId) is not { Type: FlowType.Crisis } crisis
            || crisis.Steps.FirstOrDefault(s => s.Waits && s.Otherwise is not null) is not { } listening
            || intent?.Role == IntentRole.Route)
            return null;
        // The answer's step weighs its follow-ups against every phrase of the message (its router chose one over
        // "help", a topic, an interruption), which the topic's reading did not know; only the intent model's reading of
        // the whole message as a topic, which that step does not ask, is weighed here ("will I lose my place in the
        // program" is the deportation topic, not "what do I do"; "que hago" is not the model's "help"). The topic's own answers to the same question ("que hago" at the
        // worker menu) stay the topic's.
        var there = understanding.Read(raw, slots, welcomed: true, listening, servicesShown: ctx.Session.ShownServices is { Count: > 0 }, ctx.Locale, ctx.LocaleBefore);
        if (there.Intent is not { Role: IntentRole.Route, Match.Score: >= IntentMatcher.Threshold } followUp
            || (intent is { Role: IntentRole.Module } && intent.Match.Phrase == IntentModelOpinion.Phrase && followUp.Match.Score < intent.Match.Score))
            return null;
        var runValues = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values.TryGetValue(FlowCatalog.RuleValue, out var rule)) runValues[FlowCatalog.RuleValue] = rule;
        return new CrisisBelow(crisis, listening, runValues, values.GetValueOrDefault(FlowCatalog.SpeaksToValue));
    }

    /// <summary>
    /// At a question whose buttons are age bands and that is not about the person's own age (the educators' "Which age
    /// group do you work with?"), the age or school grade the message states picks the band: "my students are 14",
    /// "grade 9", "secondaire 3", "mis alumnos tienen 13", even inside a request ("an activity on luring for grade 9").
    /// Not a situation the risk signals read and the engine let through as a topic ("my daughter is 13 and a man online
    /// keeps messaging her", typed by a parent at that question): the topic opens, not the 13-15 lesson plan.
    /// </summary>
    private string? BandAnswer(TurnContext ctx, DialogFrame frame, Definitions.StepDefinition step, MessageSlots slots) =>
        slots.AgeBand is { } band && !ctx.HeardBesideWeakSignal && step.Store != FieldAccess.ProfileAgeBand && understanding.AsksAgeBand(step)
            ? DialogRuntime.TakeBand(ctx, frame, step, band)
            : null;

    /// <summary>
    /// A module's trigger without a step, for the flow the person is already answering, when that flow opens with
    /// something to read that leads straight back to this question (the educators' four-message overview, then "Which
    /// age group?"): opening it again would replay all of it and ask the same question. A branch on the way (the
    /// educators' "a parent goes to the parents' guide") is followed by its default: the person is already past it.
    /// </summary>
    private static bool RestartsThisFlow(DialogFrame frame, RoutedIntent intent)
    {
        if (intent is not { Role: not IntentRole.Pattern, Route: null, Flow: { Type: FlowType.Module } flow, Trigger.Step: null }
            || !string.Equals(flow.Id, frame.Flow, StringComparison.Ordinal))
            return false;
        var step = flow.FirstStep;
        var read = false;
        for (var walked = 0; step is not null && walked < flow.Steps.Count; walked++)
        {
            read |= step.Kind == StepKind.Show;
            var next = step switch
            {
                { Kind: StepKind.Show, Next.Step: { } shown } => shown,
                { Kind: StepKind.Branch, Else: { } otherwise } => otherwise,
                _ => null,
            };
            if (next is null) return false;
            // Only something read on the way replays: a menu reached through a branch alone is asked as before.
            if (string.Equals(next, frame.Step, StringComparison.Ordinal)) return read;
            step = flow.FindStep(next);
        }
        return false;
    }

    /// <summary>
    /// Keeps what the message said about the person: a region (unless the step itself asks for one, as "another
    /// province" does), an age band (and then the audience youth, under 19), an audience not known yet.
    /// </summary>
    private static void Remember(TurnContext ctx, MessageSlots slots, Definitions.StepDefinition? waiting)
    {
        if (slots.Region is { } region && waiting?.Kind != Definitions.StepKind.AskRegion)
        {
            ctx.RegionBefore = ctx.Profile.Region;
            ctx.Profile.Region = region;
            ctx.RegionNamed = region;
            ctx.RegionPicked = slots.RegionPicked;
        }
        else if (slots.Region is { } answer && waiting?.Store == FieldAccess.ProfileRegion)
        {
            // The profile's own region question: the answer is kept now, so a crisis that interrupts the question
            // ("mi patron no me paga y estoy en leamington") still leaves the topic after it that region's office.
            ctx.Profile.Region = answer;
        }
        if (slots.AgeBand is { } band && BotCatalog.Default.IsAboutAChild(slots.Audience))
        {
            // "my daughter is 12", "mis alumnos tienen 14": the child's band (the content for that age), and the writer
            // is a parent or teacher, even after "I'm a young person" (a parent who picked the first button).
            ctx.Profile.AgeBand = band;
            if (ctx.Profile.Audience is null or "youth") ctx.Profile.Audience = slots.Audience;
        }
        else if (slots.AgeBand is { } own)
        {
            ctx.Profile.AgeBand = own;
            if (own != "19+" && ctx.Profile.Audience is null) ctx.Profile.Audience = "youth";
        }
        if (slots.Audience is { } audience && ctx.Profile.Audience is null) ctx.Profile.Audience = audience;
    }

    /// <summary>
    /// Passive flows (identity) run first, then the message is understood as usual. Returns true when one ran: then a
    /// message with no other meaning asks the step again instead of counting as a wrong answer.
    /// </summary>
    private bool SideNotes(TurnContext ctx, IReadOnlyList<IntentMatch> matches)
    {
        var ran = false;
        foreach (var match in matches)
        {
            if (runtime.Stack.Flows.TriggerFor(match.Intent) is not { Flow.Passive: true } t) continue;
            var depth = ctx.Session.Stack.Count + 1;
            runtime.Stack.Push(ctx, t.Flow.Id, t.Trigger.Step, t.Trigger.Values);
            runtime.Run(ctx, depth);
            ran = true;
        }
        return ran;
    }

    /// <summary>
    /// The step asks for none of the person's own slots (region, age, who they are, language): there a message the
    /// model cannot place is more likely an answer it does not know ("Nowhereville") than a request.
    /// </summary>
    internal static bool AsksNoSlot(Definitions.StepDefinition step) =>
        step.Kind != Definitions.StepKind.AskRegion && (step.Store is null || !FieldAccess.ProfileFields.Contains(step.Store));

    /// <summary>Asks again; returns true when the retries ran out and the menu should open instead.</summary>
    private bool Reprompt(TurnContext ctx, DialogFrame frame, Definitions.StepDefinition step, Steps.IAskHandler handler)
    {
        frame.Retries++;
        ctx.NotUnderstood = true;
        if (frame.Retries <= (step.MaxRetries ?? DefaultMaxRetries))
        {
            handler.Reprompt(ctx, frame, step);
            return false;
        }
        if (patterns.LetGoOfRegion(ctx, frame, step)) return true;
        patterns.Fallback(ctx);
        return true;
    }

    private string[] Words(string[] tokens)
    {
        var kept = Array.FindAll(tokens, t => !understanding.Matcher.Catalog.StopWords.Contains(t));
        return kept.Length > 0 ? kept : tokens;
    }
}
