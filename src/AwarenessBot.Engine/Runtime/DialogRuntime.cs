using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Rendering;
using AwarenessBot.Engine.Runtime.Steps;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// The stack machine: runs the top frame's steps until one waits, ends flows (a caller goes on to its next step; an
/// interrupted step is asked again after "where were we"), and opens the main menu when nothing is left.
/// </summary>
internal sealed class DialogRuntime(DialogStack stack, IReadOnlyDictionary<StepKind, IStepHandler> handlers, ContentRenderer content)
{
    public const string ResumeKey = "system_resume";
    private const int MaxStepsPerTurn = 64;

    public DialogStack Stack => stack;

    public IStepHandler HandlerFor(StepKind kind) => handlers[kind];

    /// <summary>Runs until a step waits or the turn halts. With a floor, stops as soon as the stack drops below it.</summary>
    public void Run(TurnContext ctx, int floor = 0)
    {
        for (var guard = 0; guard < MaxStepsPerTurn && !ctx.Halted; guard++)
        {
            if (ctx.Session.Stack.Count < floor)
            {
                ctx.Resuming = false;
                return;
            }
            var frame = ctx.Top;
            if (frame is null)
            {
                stack.Push(ctx, FlowCatalog.MainMenu, null, null);
                continue;
            }
            var step = stack.StepOf(frame);
            if (step is null)
            {
                // The flows changed since this state was saved: start the menu again rather than fail.
                ctx.Session.Stack.Clear();
                continue;
            }
            if (step.Waits && (KnownSlotAnswer(ctx, frame, step) ?? StatedBandAnswer(ctx, frame, step)) is { } known)
            {
                // A slot already given is never asked again: the step goes on as if answered ("back" skips it too).
                var previous = frame.Previous;
                MoveTo(ctx, frame, known);
                frame.Previous = previous;
                continue;
            }
            if (ctx.Resuming && step.Waits) content.Show(ctx, ResumeKey);
            ctx.Resuming = false;
            ctx.Visited.Add(new Abstractions.StepVisit(frame.Flow, step.Id,
                frame.Values is { Count: > 0 } values ? new Dictionary<string, string>(values, StringComparer.Ordinal) : null));
            var outcome = handlers[step.Kind].Enter(ctx, frame, step);
            switch (outcome.Kind)
            {
                case StepOutcomeKind.Wait:
                case StepOutcomeKind.Halt:
                    return;
                case StepOutcomeKind.Goto:
                    MoveTo(ctx, frame, outcome.Target!);
                    break;
                case StepOutcomeKind.Continue:
                    break;
            }
        }
    }

    /// <summary>
    /// Where a question whose store is a slot (age band, region, audience) goes when the slot is known: the next of
    /// the choice with that value, else the step's next. Null when the slot is unknown or the step stores elsewhere.
    /// </summary>
    public static string? KnownSlotAnswer(TurnContext ctx, Abstractions.DialogFrame frame, StepDefinition step)
    {
        if (step.Store is not { } store || !FieldAccess.SlotFields.Contains(store)) return null;
        if (FieldAccess.Read(ctx, frame, store) is not { Length: > 0 } value) return null;
        var choice = step.Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal));
        return Conditions.Resolve(choice?.Next ?? step.Next, ctx, frame);
    }

    /// <summary>
    /// A question whose buttons are age bands and that stores in the flow (the educators' "Which age group do you work
    /// with?"), reached on the turn whose message stated an age or grade ("do you have a lesson on sextortion for grade
    /// 8?", "my students are 14" at the menu): that band is the answer, so the guide for it comes at once.
    /// </summary>
    private static string? StatedBandAnswer(TurnContext ctx, Abstractions.DialogFrame frame, StepDefinition step) =>
        ctx.StatedBand is { } band && step.Store is { } store && !FieldAccess.SlotFields.Contains(store) ? TakeBand(ctx, frame, step, band) : null;

    /// <summary>
    /// The band a message stated, taken as the answer of a question whose buttons are age bands: the choice of that
    /// value stored and followed, else null (no such button).
    /// </summary>
    internal static string? TakeBand(TurnContext ctx, Abstractions.DialogFrame frame, StepDefinition step, string band)
    {
        if (step.Choices.FirstOrDefault(c => string.Equals(c.Value, band, StringComparison.Ordinal)) is not { } choice) return null;
        if (step.Store is { } store) FieldAccess.Write(ctx, frame, store, choice.Value);
        return Conditions.Resolve(choice.Next ?? step.Next, ctx, frame);
    }

    /// <summary>Moves a frame to a step, or ends its flow and returns to the frame below.</summary>
    public void MoveTo(TurnContext ctx, Abstractions.DialogFrame frame, string target)
    {
        frame.Retries = 0;
        if (!string.Equals(target, NextDefinition.EndSentinel, StringComparison.Ordinal))
        {
            if (stack.StepOf(frame) is { Waits: true } asked && asked.Id != target) frame.Previous = asked.Id;
            frame.Step = target;
            return;
        }
        if (!ReferenceEquals(ctx.Top, frame)) return;
        var ended = stack.Pop(ctx, completed: true);
        if (ctx.Top is not { } parent || stack.StepOf(parent) is not { } parentStep) return;
        if (parentStep.Kind == StepKind.Call)
            MoveTo(ctx, parent, Conditions.Resolve(parentStep.Next, ctx, parent));
        else if (ended.Type is FlowType.Interruption or FlowType.Crisis && frame.Values?.ContainsKey(FlowCatalog.TopicValue) != true
            && !ended.ResumeQuietly)
            ctx.Resuming = true; // a crisis opened over a topic of the same message goes on into it: nothing to resume
    }
}
