namespace AwarenessBot.Analysis.Model;

/// <summary>
/// FNV-1a, 32 bits, over a kind byte then the UTF-16LE bytes of the text: the same on every machine, process and
/// .NET version (unlike <see cref="string.GetHashCode()"/>), so a model trained once keeps its meaning.
/// </summary>
public static class FeatureHash
{
    public const uint OffsetBasis = 2166136261;
    public const uint Prime = 16777619;

    /// <summary>Kind bytes: a character n-gram, a word and a word pair never share a hash by construction of their text.</summary>
    public const byte CharKind = (byte)'c';
    public const byte WordKind = (byte)'w';
    public const byte PairKind = (byte)'p';
    public const byte ConceptKind = (byte)'k';
    public const byte ConceptPairKind = (byte)'q';

    public static uint Hash(byte kind, ReadOnlySpan<char> text) => Add(Start(kind), text);

    /// <summary>Hash of a word pair: the two words joined by one space.</summary>
    public static uint HashPair(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => Add(Add(Add(Start(PairKind), first), ' '), second);

    /// <summary>Hash of two concept classes found in one message, in the order given.</summary>
    public static uint HashConceptPair(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => Add(Add(Add(Start(ConceptPairKind), first), ' '), second);

    public static uint Start(byte kind) => (OffsetBasis ^ kind) * Prime;

    public static uint Add(uint hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }

    public static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Add(hash, c);
        }

        return hash;
    }
}
