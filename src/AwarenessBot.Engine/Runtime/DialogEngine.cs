using System.Security.Cryptography;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// One turn: crisis first, then the welcome, then the waiting step's answer (buttons, numbers, labels), then
/// interruptions, answers by intent and modules, else ask again (at most N times, then the menu).
/// </summary>
internal sealed class DialogEngine(DialogRuntime runtime, IntentMatcher matcher, IntentRouter router, Rendering.ContentRenderer content)
    : IDialogEngine
{
    public const string RepromptMenuKey = "system_reprompt_menu";
    private const int DefaultMaxRetries = 2;

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
        var ctx = new TurnContext(input, session, profile, LocaleResolver.Resolve(input, profile));
        TrackLocale(ctx);
        StartSession(ctx);
        var crisis = input.Crisis ?? RiskEvidence.Accumulate(session, input);
        if (input.Crisis is not null) RiskEvidence.Accumulate(session, input);
        if (crisis is not null) Crisis(ctx, crisis);
        else if (input.Kind == TurnKind.ConversationStart) Start(ctx);
        else if (input.UnsupportedScript is not null) Interrupt(ctx, FlowCatalog.UnsupportedLanguage);
        else Message(ctx, input.Text);
        return new TurnResult(ctx.Replies, ctx.Events, ctx.Effects) { Triage = crisis };
    }

    private static void TrackLocale(TurnContext ctx)
    {
        if (ctx.Profile.LocaleChosen) return;
        if (ctx.Profile.Locale is { } previous && previous != ctx.Locale) ctx.Emit("language_switched", ("locale", ctx.Locale));
        ctx.Profile.Locale = ctx.Locale;
    }

    private static void StartSession(TurnContext ctx)
    {
        if (ctx.Session.SessionKey is not null) return;
        ctx.Session.SessionKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        ctx.Emit("session_started",
            ("channel", ctx.Input.ChannelId),
            ("locale", ctx.Locale),
            ("audience", ctx.Profile.Audience ?? "unknown"),
            ("age_band", ctx.Profile.AgeBand ?? "unknown"),
            ("region", ctx.Profile.Region ?? "unknown"));
    }

    private void Crisis(TurnContext ctx, CrisisSignal crisis)
    {
        ctx.Emit("crisis_raised", ("category", crisis.Category), ("severity", crisis.Severity));
        ctx.Session.Welcomed = true;
        var flow = crisis.Severity == CrisisSignal.CheckIn && runtime.Stack.Flows.Find(FlowCatalog.CheckIn) is { } checkIn
            ? checkIn
            : runtime.Stack.Flows.Find(FlowCatalog.CrisisPrefix + crisis.Category) ?? runtime.Stack.Flows.Get(FlowCatalog.CrisisPrefix + "immediate_danger");
        var at = DialogStack.IndexOf(ctx, flow.Id);
        if (at >= 0) ctx.Session.Stack.RemoveRange(at, ctx.Session.Stack.Count - at);
        runtime.Stack.Push(ctx, flow.Id, null, null);
        runtime.Run(ctx);
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
        if (!ctx.Session.Welcomed) Welcome(ctx);
        else runtime.Run(ctx);
    }

    private void Welcome(TurnContext ctx)
    {
        ctx.Session.Welcomed = true;
        ctx.Session.Stack.Clear();
        runtime.Stack.Push(ctx, FlowCatalog.Welcome, null, null);
        runtime.Run(ctx);
    }

    private void Message(TurnContext ctx, string? raw)
    {
        var normalized = TextNormalizer.Normalize(raw);
        var text = new Steps.UserText(normalized, Words(normalized));
        var matches = matcher.Match(normalized);
        var acknowledged = SideNotes(ctx, matches);
        if (!ctx.Session.Welcomed)
        {
            // Someone who opens with their situation gets help with it; anyone else gets the welcome.
            if (router.Choose(matches, null) is { } first) { ctx.Session.Welcomed = true; FlowOpener.Open(runtime.Stack, ctx, first); runtime.Run(ctx); }
            else Welcome(ctx);
            return;
        }
        if (ctx.Top is not { } frame || runtime.Stack.StepOf(frame) is not { Waits: true } step)
        {
            if (router.Choose(matches, null) is { } routed) FlowOpener.Open(runtime.Stack, ctx, routed);
            else ctx.Session.Stack.Clear();
            runtime.Run(ctx);
            return;
        }
        var handler = (Steps.IAskHandler)runtime.HandlerFor(step.Kind);
        if (handler.Recognize(ctx, frame, step, text) is { } target)
        {
            runtime.MoveTo(ctx, frame, target);
        }
        else if (router.Choose(matches, step) is { } intent)
        {
            if (intent.Route is { } route)
            {
                if (step.Store is { } store) FieldAccess.Write(ctx, frame, store, route.Value ?? route.Intent);
                runtime.MoveTo(ctx, frame, Conditions.Resolve(route.Next ?? step.Next, ctx, frame));
            }
            else FlowOpener.Open(runtime.Stack, ctx, intent);
        }
        else if (!acknowledged && !Reprompt(ctx, frame, step, handler)) return;
        runtime.Run(ctx);
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

    /// <summary>Asks again; returns true when the retries ran out and the menu should open instead.</summary>
    private bool Reprompt(TurnContext ctx, DialogFrame frame, Definitions.StepDefinition step, Steps.IAskHandler handler)
    {
        frame.Retries++;
        if (frame.Retries <= (step.MaxRetries ?? DefaultMaxRetries))
        {
            handler.Reprompt(ctx, frame, step);
            return false;
        }
        content.Show(ctx, RepromptMenuKey);
        ctx.Session.Stack.Clear();
        return true;
    }

    private string[] Words(string normalized)
    {
        var tokens = TextNormalizer.Tokens(normalized);
        var kept = Array.FindAll(tokens, t => !matcher.Catalog.StopWords.Contains(t));
        return kept.Length > 0 ? kept : tokens;
    }
}
