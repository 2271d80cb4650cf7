using System.Text.RegularExpressions;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// What a stored question and choice may look like: a content id and a choice number, never free text — the store
/// refuses anything else, so a caller's mistake cannot put a message into the table.
/// </summary>
internal static partial class ClassAnswerKey
{
    public static bool IsValid(string question, string choice) => Question().IsMatch(question) && Choice().IsMatch(choice);

    [GeneratedRegex("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Question();

    [GeneratedRegex("^[1-9][0-9]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Choice();
}
