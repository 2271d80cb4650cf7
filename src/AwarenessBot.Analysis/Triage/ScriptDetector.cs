namespace AwarenessBot.Analysis.Triage;

/// <summary>
/// Names the writing system of a message when it is not Latin (the bot speaks en, fr, es, tl — all Latin script), so
/// the bot can answer with the hotline's interpretation in 200+ languages instead of "I didn't understand".
/// </summary>
public static class ScriptDetector
{
    private static readonly (int From, int To, string Name)[] Blocks =
    [
        (0x0370, 0x03FF, "greek"), (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "armenian"), (0x0590, 0x05FF, "hebrew"),
        (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"), (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
        (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"), (0x0A80, 0x0AFF, "gujarati"),
        (0x0B80, 0x0BFF, "tamil"), (0x0C00, 0x0C7F, "telugu"), (0x0C80, 0x0CFF, "kannada"), (0x0D00, 0x0D7F, "malayalam"),
        (0x0D80, 0x0DFF, "sinhala"), (0x0E00, 0x0E7F, "thai"), (0x0E80, 0x0EFF, "lao"), (0x1000, 0x109F, "myanmar"),
        (0x10A0, 0x10FF, "georgian"), (0x1200, 0x139F, "ethiopic"), (0x1400, 0x167F, "canadian_syllabics"), (0x1780, 0x17FF, "khmer"),
        (0x3040, 0x30FF, "japanese"), (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xAC00, 0xD7AF, "hangul"), (0x1100, 0x11FF, "hangul"),
    ];

    /// <summary>The script of most letters when it is not Latin, else null. Needs at least two such letters.</summary>
    public static string? UnsupportedScript(string text)
    {
        var latin = 0;
        Dictionary<string, int>? others = null;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF))
            {
                latin++;
                continue;
            }

            var name = Name(c) ?? "other";
            others ??= new Dictionary<string, int>(StringComparer.Ordinal);
            others[name] = others.GetValueOrDefault(name) + 1;
        }

        if (others is null)
        {
            return null;
        }

        var top = others.MaxBy(p => p.Value);
        return top.Value >= 2 && top.Value > latin ? top.Key : null;
    }

    private static string? Name(char c)
    {
        foreach (var (from, to, name) in Blocks)
        {
            if (c >= from && c <= to)
            {
                return name;
            }
        }

        return null;
    }
}
