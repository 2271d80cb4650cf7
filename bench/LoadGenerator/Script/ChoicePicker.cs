using LoadGenerator.Protocol;

namespace LoadGenerator.Script;

/// <summary>Decides what to send for a step, robust to flows that offer other buttons than the script expects.</summary>
internal static class ChoicePicker
{
    public static string TextFor(ScriptStep step, string locale, IReadOnlyList<OfferedAction> offered)
    {
        var scripted = step.TextFor(locale);
        if (step.Kind != StepKind.Choose || offered.Count == 0)
        {
            return scripted;
        }

        var preferred = step.Prefer.Prepend(scripted);
        foreach (var want in preferred)
        {
            foreach (var action in offered)
            {
                if (Matches(action, want))
                {
                    return ValueOf(action);
                }
            }
        }

        return ValueOf(offered[0]);
    }

    private static bool Matches(OfferedAction action, string want) =>
        string.Equals(action.Value, want, StringComparison.OrdinalIgnoreCase)
        || string.Equals(action.Title, want, StringComparison.OrdinalIgnoreCase)
        || (want.Length > 2 && action.Title.Contains(want, StringComparison.OrdinalIgnoreCase));

    private static string ValueOf(OfferedAction action) => action.Value.Length > 0 ? action.Value : action.Title;
}
