using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>Runs one step kind when the flow reaches it.</summary>
internal interface IStepHandler
{
    StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step);
}

/// <summary>A step that waits for the person: it recognises an answer and knows how to ask again.</summary>
internal interface IAskHandler : IStepHandler
{
    /// <summary>The next step for a recognised answer (after storing it), or null when the message is not an answer.</summary>
    string? Recognize(TurnContext ctx, DialogFrame frame, StepDefinition step, UserText text);

    void Reprompt(TurnContext ctx, DialogFrame frame, StepDefinition step);
}
