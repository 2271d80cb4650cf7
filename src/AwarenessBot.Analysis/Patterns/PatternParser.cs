using System.Globalization;
using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Analysis.Patterns;

/// <summary>
/// Parses the lexicon pattern language (see seeds/lexicons/README.md):
/// <c>word</c> exact word · <c>stem*</c> any word starting with stem (≥ 3 letters) · <c>(a|b|c)</c> one of ·
/// <c>[a|b]</c> optional · <c>...</c> up to 3 other words · <c>~N</c> up to N other words (1–6).
/// Words are normalised exactly like messages (lower case, no accents, no apostrophes, repeated letters collapsed).
/// </summary>
internal static class PatternParser
{
    private const int MinStemLength = 3;
    private const int DefaultGap = 3;
    private const int MaxGap = 6;

    public static TokenPattern Parse(string source, out string? error)
    {
        error = null;
        var elements = new List<PatternElement>();
        var pendingGap = 0;
        foreach (var part in source.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "...")
            {
                pendingGap += DefaultGap;
                continue;
            }

            if (part.Length > 1 && part[0] == '~')
            {
                if (!int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var gap) || gap < 1 || gap > MaxGap)
                {
                    error = $"gap '{part}' must be ~1 to ~{MaxGap}";
                    return Empty(source);
                }

                pendingGap += gap;
                continue;
            }

            var optional = part[0] == '[';
            var grouped = optional || part[0] == '(';
            if (grouped)
            {
                var close = optional ? ']' : ')';
                if (part[^1] != close || part.Length < 3)
                {
                    error = $"'{part}' must be one word group like (a|b) or [a|b] without spaces inside";
                    return Empty(source);
                }

                if (!TryAlternatives(part[1..^1].Split('|'), out var words, out var stems, out error))
                {
                    return Empty(source);
                }

                elements.Add(new PatternElement(words, stems, optional, pendingGap));
                pendingGap = 0;
                continue;
            }

            if (part.Contains('|', StringComparison.Ordinal) || part.Contains('(', StringComparison.Ordinal) || part.Contains('[', StringComparison.Ordinal))
            {
                error = $"'{part}': put alternatives in brackets, e.g. (a|b)";
                return Empty(source);
            }

            if (part.EndsWith('*'))
            {
                if (!TryAlternatives([part], out var words, out var stems, out error))
                {
                    return Empty(source);
                }

                elements.Add(new PatternElement(words, stems, false, pendingGap));
                pendingGap = 0;
                continue;
            }

            // A plain word may normalise into several ("peut-être" → "peut" "etre").
            foreach (var word in TextNormalizer.Words(part))
            {
                elements.Add(new PatternElement([word], [false], false, pendingGap));
                pendingGap = 0;
            }
        }

        if (elements.Count == 0)
        {
            error = "pattern has no words";
        }
        else if (pendingGap > 0)
        {
            error = "pattern cannot end with a gap";
        }
        else if (elements[0].Optional || elements[0].GapBefore > 0)
        {
            error = "pattern must start with a required word";
        }

        return new TokenPattern(source, [.. elements]);
    }

    private static bool TryAlternatives(string[] raw, out string[] words, out bool[] stems, out string? error)
    {
        words = new string[raw.Length];
        stems = new bool[raw.Length];
        error = null;
        for (var i = 0; i < raw.Length; i++)
        {
            var alternative = raw[i];
            var stem = alternative.EndsWith('*');
            var normalized = TextNormalizer.Words(stem ? alternative[..^1] : alternative);
            if (normalized.Length != 1)
            {
                error = $"alternative '{alternative}' must be exactly one word";
                return false;
            }

            if (stem && normalized[0].Length < MinStemLength)
            {
                error = $"stem '{alternative}' is too short (at least {MinStemLength} letters)";
                return false;
            }

            words[i] = normalized[0];
            stems[i] = stem;
        }

        return true;
    }

    private static TokenPattern Empty(string source) => new(source, []);
}
