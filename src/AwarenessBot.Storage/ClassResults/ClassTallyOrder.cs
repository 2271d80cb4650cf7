namespace AwarenessBot.Storage.ClassResults;

/// <summary>One order for every provider: by question id, then by choice number (so 10 comes after 9).</summary>
internal static class ClassTallyOrder
{
    public static List<ClassChoiceCount> Sort(IEnumerable<ClassChoiceCount> counts) =>
        [.. counts.OrderBy(c => c.Question, StringComparer.Ordinal).ThenBy(c => c.Choice.Length).ThenBy(c => c.Choice, StringComparer.Ordinal)];
}
