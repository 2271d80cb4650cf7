using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Engine.Language;

/// <summary>Words for matching intents, slots and answers, folded as triage folds them (<see cref="TextFolding"/>).</summary>
internal static class TextNormalizer
{
    public static string Normalize(string? text) => TextFolding.Fold(text);

    public static string[] Tokens(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
