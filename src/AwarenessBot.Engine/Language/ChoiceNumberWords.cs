using System.Globalization;

namespace AwarenessBot.Engine.Language;

/// <summary>
/// A choice by its number: "4", and "4 po", "the 4th one", "option 4", "el 4", "yung 4": one number of at most two
/// digits, one of the ordinal endings allowed on it (seeds/intents/slots.yaml ordinal_endings, the list school years
/// are read with too), among only the filler words (choice_numbers).
/// </summary>
internal sealed class ChoiceNumberWords
{
    /// <summary>No words around a number: only a number alone is a choice.</summary>
    public static readonly ChoiceNumberWords None = new([], []);

    private readonly HashSet<string> _fillers;
    private readonly string[] _ordinalEndings;

    public ChoiceNumberWords(IEnumerable<string> fillers, IEnumerable<string> ordinalEndings)
    {
        _fillers = new HashSet<string>(fillers, StringComparer.Ordinal);
        _ordinalEndings = [.. ordinalEndings];
    }

    /// <summary>The choice's number in a normalised message, else null.</summary>
    public int? NumberIn(string normalized)
    {
        if (Number(normalized) is { } whole) return whole;
        int? found = null;
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Number(OrdinalStripped(word)) is { } n && found is null) found = n;
            else if (!_fillers.Contains(word)) return null;
        }
        return found;
    }

    private string OrdinalStripped(string word)
    {
        foreach (var ending in _ordinalEndings)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal) && char.IsAsciiDigit(word[^(ending.Length + 1)]))
                return word[..^ending.Length];
        }
        return word;
    }

    private static int? Number(string text) =>
        text.Length is > 0 and <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
