using System.Security.Cryptography;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// A lesson code: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits from the system's
/// cryptographic generator, so a code cannot be guessed from another one. Codes are read case-insensitively because
/// a class types them from a board.
/// </summary>
public static class ClassCode
{
    /// <summary>Length of every code.</summary>
    public const int Length = 8;

    /// <summary>How long a code and its counts live.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A fresh random code.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code in its stored form (upper case), or null when the text cannot be a code.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null || text.Length != Length)
        {
            return null;
        }

        var upper = text.ToUpperInvariant();
        foreach (var c in upper)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return upper;
    }
}
