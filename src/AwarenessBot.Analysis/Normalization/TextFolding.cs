using System.Globalization;
using System.Text;

namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// The one folding of text for matching, shared by triage, intents, slots and quiz answers: lower case, accents
/// removed (œ → oe), anything but a letter or a digit as one space, trimmed: "Québec!" → "quebec".
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var ch in text)
        {
            // Text that arrives decomposed ("e" + combining acute) loses its marks as precomposed text does.
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(CharFolding.Fold(ch, out var second));
                if (second != '\0') sb.Append(second);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }

        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }
}
