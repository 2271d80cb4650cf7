namespace AwarenessBot.Analysis.Patterns;

/// <summary>One position of a pattern: alternative words (each exact or a stem), optional or not, with a gap allowed before it.</summary>
internal sealed record PatternElement(string[] Words, bool[] IsStem, bool Optional, int GapBefore)
{
    public bool Accepts(ReadOnlySpan<char> token)
    {
        for (var i = 0; i < Words.Length; i++)
        {
            var matches = IsStem[i] ? token.StartsWith(Words[i], StringComparison.Ordinal) : token.SequenceEqual(Words[i]);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A compiled lexicon pattern. <see cref="Source"/> is the phrase as the lexicon author wrote it.</summary>
internal sealed record TokenPattern(string Source, PatternElement[] Elements);
