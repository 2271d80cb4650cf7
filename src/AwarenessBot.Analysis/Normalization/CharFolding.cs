using System.Globalization;
using System.Text;

namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// Lower-case, accent-free folding of Latin characters, computed once so matching never calls string.Normalize per message.
/// </summary>
internal static class CharFolding
{
    private const int TableSize = 0x250; // Basic Latin .. Latin Extended-B covers en, fr, es, tl.
    private static readonly char[] Table = BuildTable();

    /// <summary>Folds one character; ligatures that expand (œ, æ, ß) return their first letter and set <paramref name="second"/>.</summary>
    public static char Fold(char c, out char second)
    {
        second = '\0';
        switch (c)
        {
            case 'œ' or 'Œ': second = 'e'; return 'o';
            case 'æ' or 'Æ': second = 'e'; return 'a';
            case 'ß': second = 's'; return 's';
            default: break;
        }

        return c < TableSize ? Table[c] : FoldRare(c);
    }

    /// <summary>Beyond the table (Vietnamese "ệ", Greek): decompose per character; rare, so the cost does not matter.</summary>
    private static char FoldRare(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var baseChar = decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark ? decomposed[0] : c;
        return char.ToLowerInvariant(baseChar);
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
                ? decomposed[0]
                : c;
            table[i] = char.ToLowerInvariant(baseChar);
        }

        return table;
    }
}
