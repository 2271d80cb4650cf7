using System.Text.RegularExpressions;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// What a stored question and choice may look like: a content id and a choice number, never free text — the store
/// refuses anything else, so a caller's mistake cannot put a message into the table. The answerer is a random value
/// (never stored, only its mark), checked for shape so that no text can stand in for it.
/// </summary>
internal static partial class ClassAnswerKey
{
    public static bool IsValid(string question, string choice, string answerer) =>
        Question().IsMatch(question) && Choice().IsMatch(choice) && Answerer().IsMatch(answerer);

    [GeneratedRegex("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Question();

    [GeneratedRegex("^[1-9][0-9]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Choice();

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Answerer();
}
