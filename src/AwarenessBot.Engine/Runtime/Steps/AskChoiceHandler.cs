using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>Buttons: recognised by value, number ("2"), or the label (fuzzy, any language). Also the base of ask_text.</summary>
internal class AskChoiceHandler(ContentRenderer content, FlowCatalog flows) : IAskHandler
{
    public const string DefaultReprompt = "system_reprompt";

    protected FlowCatalog Flows => flows;

    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        content.Show(ctx, step.Content!, Buttons(ctx, step));
        return StepOutcome.Wait;
    }

    public void Reprompt(TurnContext ctx, DialogFrame frame, StepDefinition step) =>
        content.Show(ctx, step.Reprompt ?? DefaultReprompt, Buttons(ctx, step));

    public virtual string? Recognize(TurnContext ctx, DialogFrame frame, StepDefinition step, UserText text)
    {
        if (flows.ChoicesOf(step) is not { } table) return null;
        var index = text.AsNumber is { } n && n >= 1 && n <= table.Choices.Count
            ? n - 1
            : table.Recognize(text.Normalized, text.Words, text.Fuzzy, text.Locales, text.IntentWords);
        return index < 0 ? null : Accept(ctx, frame, step, table.Choices[index]);
    }

    protected static string Accept(TurnContext ctx, DialogFrame frame, StepDefinition step, ChoiceDefinition choice)
    {
        if (step.Store is { } store) FieldAccess.Write(ctx, frame, store, choice.Value);
        return Conditions.Resolve(choice.Next ?? step.Next, ctx, frame);
    }

    protected virtual List<ReplyChoice> Buttons(TurnContext ctx, StepDefinition step)
    {
        var result = new List<ReplyChoice>(step.Choices.Count);
        if (flows.ChoicesOf(step) is { } table)
        {
            result.AddRange(table.Render(ctx.Locale));
        }
        return result;
    }
}

/// <summary>Free text: never stored. Only a recognised intent (a route, handled by the engine) or a button answers it.</summary>
internal sealed class AskTextHandler(ContentRenderer content, FlowCatalog flows) : AskChoiceHandler(content, flows);
