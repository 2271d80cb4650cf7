using System.Globalization;
using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Patterns;

/// <summary>
/// Parses the lexicon pattern language (see seeds/lexicons/README.md):
/// <c>word</c> exact word · <c>stem*</c> any word starting with stem (≥ 3 letters) · <c>(a|b c|d*)</c> one of
/// (an alternative may be several words) · <c>[a|b]</c> optional · <c>...</c> up to 3 other words · <c>~N</c> up to
/// N other words (1–8). Words are normalised exactly like messages (lower case, no accents, no apostrophes,
/// repeated letters collapsed).
/// </summary>
internal static class PatternParser
{
    private const int MinStemLength = 3;
    private const int DefaultGap = 3;
    private const int MaxGap = 8;

    public static TokenPattern Parse(string source, out string? error)
    {
        var elements = new List<PatternElement>();
        var pendingGap = 0;
        error = null;
        foreach (var part in Split(source, ref error))
        {
            if (part == "...")
            {
                pendingGap += DefaultGap;
            }
            else if (part.Length > 1 && part[0] == '~')
            {
                if (!int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var gap) || gap < 1 || gap > MaxGap)
                {
                    error = $"gap '{part}' must be ~1 to ~{MaxGap}";
                    break;
                }

                pendingGap += gap;
            }
            else if (part[0] is '(' or '[')
            {
                var raw = part[1..^1].Split('|', StringSplitOptions.TrimEntries);
                var alternatives = new PatternWord[raw.Length][];
                for (var i = 0; i < raw.Length; i++)
                {
                    alternatives[i] = Words(raw[i], ref error);
                }

                elements.Add(new PatternElement(alternatives, part[0] == '[', pendingGap));
                pendingGap = 0;
            }
            else if (part.Contains('|', StringComparison.Ordinal) || part.Contains(')', StringComparison.Ordinal) || part.Contains(']', StringComparison.Ordinal))
            {
                error = $"'{part}': put alternatives in brackets, e.g. (a|b)";
            }
            else
            {
                // A plain word may normalise into several ("peut-être" → "peut" "etre"); each is its own position.
                foreach (var word in Words(part, ref error))
                {
                    elements.Add(new PatternElement([[word]], false, pendingGap));
                    pendingGap = 0;
                }
            }
        }

        error ??= elements.Count == 0 ? "pattern has no words"
            : pendingGap > 0 ? "pattern cannot end with a gap"
            : elements[0].Optional || elements[0].GapBefore > 0 ? "pattern must start with a required word"
            : null;
        return new TokenPattern(source, error is null ? [.. elements] : []);
    }

    /// <summary>Splits on spaces, keeping each (...) or [...] group whole; groups cannot nest.</summary>
    private static List<string> Split(string source, ref string? error)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < source.Length)
        {
            if (char.IsWhiteSpace(source[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (source[i] is '(' or '[')
            {
                var close = source[i] == '(' ? ')' : ']';
                var end = source.IndexOf(close, i + 1);
                var nested = source.IndexOfAny(['(', '['], i + 1);
                if (end < 0 || (nested >= 0 && nested < end))
                {
                    error = $"unbalanced or nested brackets at '{source[i..]}'";
                    return [];
                }

                i = end + 1;
                if (i < source.Length && !char.IsWhiteSpace(source[i]))
                {
                    error = $"'{source[start..]}': a bracket group must be followed by a space (use [a|b] for optional words)";
                    return [];
                }
            }
            else
            {
                while (i < source.Length && !char.IsWhiteSpace(source[i]))
                {
                    i++;
                }
            }

            parts.Add(source[start..i]);
        }

        return parts;
    }

    private static PatternWord[] Words(string text, ref string? error)
    {
        var stem = text.EndsWith('*');
        var words = TextNormalizer.Words(stem ? text[..^1] : text);
        if (words.Length == 0)
        {
            error ??= $"'{text}' has no letters or digits";
            return [];
        }

        if (stem && words[^1].Length < MinStemLength)
        {
            error ??= $"stem '{text}' is too short (at least {MinStemLength} letters)";
        }

        if (text.Contains('*', StringComparison.Ordinal) && (!stem || text[..^1].Contains('*', StringComparison.Ordinal)))
        {
            error ??= $"'{text}': * may only end a word";
        }

        return [.. words.Select((w, index) => new PatternWord(w, stem && index == words.Length - 1))];
    }
}
