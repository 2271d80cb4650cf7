using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// Conversation repair that acts on the waiting step itself (the other patterns - greeting, thanks, what can you do,
/// are you a person, empty messages - are interruption flows in dialogs/, overridable as data). The words are intents
/// in seeds/intents; what the bot says is content (system_dont_know):
/// <list type="bullet">
/// <item>skip: the step's "skip" button if it has one; a question about the person (age, region, who)
/// goes on unanswered; anything else is asked again with a hint, once, then the fallback.</item>
/// <item>I don't know: the same as skip for questions about the person; elsewhere a hint, then the question again.</item>
/// <item>back: the question asked before in this flow (its answer about the person forgotten), else the flow's caller.</item>
/// </list>
/// None of them counts as a wrong answer.
/// </summary>
internal sealed class ConversationPatterns(DialogRuntime runtime, ContentRenderer content)
{
    public const string Skip = "skip";
    public const string Back = "back";
    public const string DontKnow = "dont_know";
    public const string HintKey = "system_dont_know";

    public static bool IsStepPattern(string intent) => intent is Skip or Back or DontKnow;

    public static readonly IReadOnlyList<string> StepPatterns = [Skip, Back, DontKnow];

    public void Apply(TurnContext ctx, DialogFrame frame, StepDefinition step, string intent)
    {
        switch (intent)
        {
            case Back:
                GoBack(ctx, frame);
                break;
            case Skip when SkipChoice(step) is not null:
                MoveOnAsSkipped(ctx, frame, step);
                break;
            case DontKnow when step.Otherwise is { } otherwise:
                // "idk he says its just one time" after a crisis answer is heard like any other message there.
                runtime.MoveTo(ctx, frame, Listening.Heard(frame, step, otherwise));
                break;
            case Skip or DontKnow when AboutThePerson(step):
                runtime.MoveTo(ctx, frame, Conditions.Resolve(step.Next, ctx, frame));
                break;
            default:
                // A question that cannot be skipped: a hint and the question once; skipped again, the fallback
                // (likely topics, the hotline, the menu) — never the same question three times.
                if (frame.Retries++ == 0) content.Show(ctx, HintKey);
                else Fallback(ctx);
                break;
        }
    }

    /// <summary>
    /// No step is waiting (inside a topic's text, or after the stack was cleared): "back" and "skip" go to the menu of
    /// the topic the person was in (its flow's first question), else end that flow so the one below (or the main menu)
    /// asks; "I don't know" gets the fallback (the likely topics, the hotline, then the menu). The words and the texts
    /// are data, as on a step.
    /// </summary>
    public void ApplyWithoutStep(TurnContext ctx, string intent)
    {
        if (intent == DontKnow)
        {
            Fallback(ctx);
            return;
        }
        if (ctx.Top is not { } frame) return;
        if (runtime.Stack.Flows.Find(frame.Flow)?.FirstStep is { Waits: true } menu && menu.Id != frame.Step)
        {
            frame.Step = menu.Id;
            frame.Previous = null;
            frame.Retries = 0;
            return;
        }
        runtime.MoveTo(ctx, frame, NextDefinition.EndSentinel);
    }

    /// <summary>
    /// The way out after the retries: likely topics, the hotline and the menu, with the stack cleared. The menu it opens
    /// has used its re-prompt already: the same unknown reply again gets this fallback again, not "Sorry, I didn't get
    /// that" and the menu's question (which alternated re-prompt, fallback, re-prompt... for someone repeating one
    /// reply). Anything understood there moves on as usual.
    /// </summary>
    public void Fallback(TurnContext ctx)
    {
        content.Show(ctx, DialogEngine.RepromptMenuKey);
        ctx.Session.Stack.Clear();
        runtime.Stack.Push(ctx, FlowCatalog.MainMenu, null, null);
        var menu = ctx.Session.Stack[^1];
        menu.Retries = runtime.Stack.StepOf(menu)?.MaxRetries ?? DialogEngine.DefaultMaxRetries;
    }

    /// <summary>
    /// At "which province or territory?", an answer not placed twice is most often a town the bot does not know ("rocky
    /// harbour, gros morne", "pitt meadows", conv-validation13): the question is let go as if skipped, with a word that
    /// the province can be named any time. The fallback's menu lost what the person came for, and the same town typed
    /// again lost it again. False at any other step.
    /// </summary>
    public bool LetGoOfRegion(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        if (step.Kind != StepKind.AskRegion) return false;
        content.Show(ctx, RegionNotKnownKey);
        MoveOnAsSkipped(ctx, frame, step);
        return true;
    }

    /// <summary>On to where the step's "skip" button leads, or its next step when it has none.</summary>
    private void MoveOnAsSkipped(TurnContext ctx, DialogFrame frame, StepDefinition step) =>
        runtime.MoveTo(ctx, frame, Conditions.Resolve(SkipChoice(step)?.Next ?? step.Next, ctx, frame));

    private static ChoiceDefinition? SkipChoice(StepDefinition step) => step.Choices.FirstOrDefault(c => c.Value == Skip);

    public const string RegionNotKnownKey = "system_region_not_known";

    private static bool AboutThePerson(StepDefinition step) =>
        step.Kind is StepKind.AskRegion || (step.Store is { } store && FieldAccess.SlotFields.Contains(store));

    private void GoBack(TurnContext ctx, DialogFrame frame)
    {
        if (frame.Previous is { } previous && runtime.Stack.Flows.Find(frame.Flow)?.FindStep(previous) is not null)
        {
            frame.Step = previous;
            frame.Previous = null;
            // Going back to a question about the person means answering it again: forget the answer given.
            if (runtime.Stack.StepOf(frame) is { Store: { } store } && FieldAccess.SlotFields.Contains(store))
                FieldAccess.Write(ctx, frame, store, null);
            frame.Retries = 0;
            return;
        }
        if (ctx.Session.Stack.Count > 1) runtime.MoveTo(ctx, frame, NextDefinition.EndSentinel);
    }
}
