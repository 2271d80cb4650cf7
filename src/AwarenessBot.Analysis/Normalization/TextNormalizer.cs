namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// Builds the matching form of a text. The same function normalises lexicon patterns at load time and messages at
/// run time, so "he'll", "hell" and "heeell" all meet as "hel"; "pasport" and "passport" both become "pasport".
/// </summary>
internal static class TextNormalizer
{
    private const char ClauseBreak = '|';

    public static NormalizedText Normalize(string text)
    {
        // Ligatures can expand one char into two.
        var capacity = (text.Length * 2) + 1;
        var chars = new char[capacity];
        var starts = new int[capacity];
        var ends = new int[capacity];
        var apostropheBefore = new bool[capacity + 1];
        var length = 0;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var folded = CharFolding.Fold(c, out var second);
                if (length > 0 && chars[length - 1] == folded && char.IsLetter(folded))
                {
                    // "pleeease" → "please"-like form; the run still maps to its whole original extent.
                    ends[length - 1] = i + 1;
                }
                else
                {
                    Emit(folded, i);
                }

                if (second != '\0')
                {
                    Emit(second, i);
                }
            }
            else if (IsApostrophe(c))
            {
                // Joined: "didn't" → "didnt", "m'a" → "ma" — the way people type them without the apostrophe anyway.
                apostropheBefore[length] = true;
            }
            else if (IsClausePunctuation(c))
            {
                Emit(ClauseBreak, i);
            }
            else if (length > 0 && chars[length - 1] != ' ')
            {
                Emit(' ', i);
            }
        }

        var tokens = new Token[(length / 2) + 1];
        var tokenCount = Tokenize(chars, length, tokens, apostropheBefore);
        return new NormalizedText(chars, length, starts, ends, tokens, tokenCount);

        void Emit(char value, int source)
        {
            chars[length] = value;
            starts[length] = source;
            ends[length] = source + 1;
            length++;
        }
    }

    /// <summary>The normalised words of a lexicon phrase (load time only).</summary>
    public static string[] Words(string phrase)
    {
        var normalized = Normalize(phrase);
        var words = new string[normalized.TokenCount];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = normalized.TokenText(i).ToString();
        }

        return words;
    }

    private static int Tokenize(char[] chars, int length, Token[] tokens, bool[] apostropheBefore)
    {
        var count = 0;
        var clause = 0;
        var i = 0;
        while (i < length)
        {
            var c = chars[i];
            if (c == ClauseBreak)
            {
                clause++;
                i++;
                continue;
            }

            if (c == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < length && chars[i] != ' ' && chars[i] != ClauseBreak)
            {
                i++;
            }

            var apostropheAfter = i - start > 2 && apostropheBefore[start + 1] ? 1 : i - start > 3 && apostropheBefore[start + 2] ? 2 : 0;
            tokens[count++] = new Token(start, i - start, clause, apostropheAfter);
        }

        return count;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static bool IsClausePunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '\n' or '\r' or '¿' or '¡' or '…';
}
