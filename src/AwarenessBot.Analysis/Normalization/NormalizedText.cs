namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// A word of the normalised text. <see cref="Clause"/> changes at sentence punctuation so patterns never span two
/// clauses. <see cref="ApostropheAfter"/> is the length of what preceded an apostrophe inside the word (2 for "qu'il",
/// 1 for "m'a"), or 0: the apostrophe itself is dropped, but French elision needs to know where it was.
/// </summary>
internal readonly record struct Token(int Start, int Length, int Clause, int ApostropheAfter);

/// <summary>
/// The matching form of a message (lower-case, no accents, no apostrophes, repeated letters collapsed) with a map
/// back to the original offsets, so evidence spans always point into the text the user typed.
/// </summary>
internal sealed class NormalizedText
{
    public NormalizedText(char[] chars, int length, int[] originalStart, int[] originalEnd, Token[] tokens, int tokenCount)
    {
        Chars = chars;
        Length = length;
        OriginalStart = originalStart;
        OriginalEnd = originalEnd;
        Tokens = tokens;
        TokenCount = tokenCount;
    }

    public char[] Chars { get; }

    public int Length { get; }

    /// <summary>For each normalised char, the index of the original char it came from.</summary>
    public int[] OriginalStart { get; }

    /// <summary>For each normalised char, the exclusive end of the original chars it stands for (a collapsed run counts whole).</summary>
    public int[] OriginalEnd { get; }

    public Token[] Tokens { get; }

    public int TokenCount { get; }

    public ReadOnlySpan<char> TokenText(int index)
    {
        var token = Tokens[index];
        return Chars.AsSpan(token.Start, token.Length);
    }

    /// <summary>The original (start, length) covered by tokens [first, lastInclusive].</summary>
    public (int Start, int Length) OriginalSpan(int first, int lastInclusive)
    {
        var start = OriginalStart[Tokens[first].Start];
        var last = Tokens[lastInclusive];
        var end = OriginalEnd[last.Start + last.Length - 1];
        return (start, end - start);
    }
}
