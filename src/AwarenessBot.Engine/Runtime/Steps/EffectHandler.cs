using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>delete_all_data resets state and asks the edge to delete storage; end_conversation says goodbye for good.</summary>
internal sealed class EffectHandler : IStepHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        var session = ctx.Session;
        session.Stack.Clear();
        session.Welcomed = false;
        if (step.Effect == "delete_all_data")
        {
            session.IndigenousFirst = false;
            session.SessionKey = null;
            session.ClassCode = null;
            session.ClassAnswerer = null;
            ctx.Profile.Locale = null;
            ctx.Profile.LocaleChosen = false;
            ctx.Profile.AgeBand = null;
            ctx.Profile.Region = null;
            ctx.Profile.Audience = null;
            ctx.Emit(AnalyticsEventNames.DataDeleted);
            ctx.Effects |= TurnEffects.DeleteAllData;
        }
        else
        {
            ctx.Effects |= TurnEffects.EndConversation;
        }
        ctx.Halted = true;
        return StepOutcome.Halt;
    }
}
