namespace AwarenessBot.Analysis.Patterns;

/// <summary>A normalised word of a pattern; a stem matches any word starting with it.</summary>
internal readonly record struct PatternWord(string Text, bool IsStem)
{
    public bool Accepts(ReadOnlySpan<char> token) =>
        IsStem ? token.StartsWith(Text, StringComparison.Ordinal) : token.SequenceEqual(Text);
}

/// <summary>One position of a pattern: alternatives (each one or more words), optional or not, with a gap allowed before it.</summary>
internal sealed record PatternElement(PatternWord[][] Alternatives, bool Optional, int GapBefore)
{
    /// <summary>Exact one-word alternatives, looked up in one step (elements often list 20–40 words).</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SingleWords { get; } =
        new HashSet<string>(Alternatives.Where(a => a is [{ IsStem: false }]).Select(a => a[0].Text), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Stems and several-word alternatives, tried one by one.</summary>
    public PatternWord[][] OtherAlternatives { get; } = [.. Alternatives.Where(a => a is not [{ IsStem: false }])];
}

/// <summary>A compiled lexicon pattern. <see cref="Source"/> is the phrase as the lexicon author wrote it.</summary>
internal sealed record TokenPattern(string Source, PatternElement[] Elements);
