using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// A step that hears everything (<see cref="StepDefinition.Otherwise"/>): the second message in a row it cannot place
/// goes to <see cref="StepDefinition.OtherwiseAgain"/>, so a person who keeps typing after a crisis answer does not get
/// the same "thank you for telling me" every time; the two answers take turns. The frame keeps the id of the step that
/// last heard (never the text).
/// </summary>
internal static class Listening
{
    private const string HeardKey = "heard_at";

    /// <summary>Where this unplaced message goes, remembering it was heard.</summary>
    public static string Heard(DialogFrame frame, StepDefinition step, string otherwise)
    {
        if (step.OtherwiseAgain is not { } again) return otherwise;
        if (frame.Values?.GetValueOrDefault(HeardKey) == step.Id)
        {
            // The two answers take turns: never the same one three times in a row.
            frame.Values.Remove(HeardKey);
            return again;
        }

        (frame.Values ??= new Dictionary<string, string>(StringComparer.Ordinal))[HeardKey] = step.Id;
        return otherwise;
    }

    /// <summary>The step understood this message: the next unplaced one is heard as the first.</summary>
    public static void Understood(DialogFrame frame) => frame.Values?.Remove(HeardKey);
}
