using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// The teacher's results key: 256 random bits, URL-safe base64 (43 characters), given once when the code is made
/// and never carried by the students' lesson link. Only its SHA-256 is stored; a key offered later is hashed and
/// compared in constant time, so neither the table nor the timing of an answer gives it away.
/// </summary>
public static class ClassResultsKey
{
    /// <summary>Length of every key.</summary>
    public const int Length = 43;

    /// <summary>A fresh random key.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What is stored for <paramref name="key"/>: its SHA-256 as lower-case hex.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(Digest(key));

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="storedHash"/>; the comparison takes the same time whatever differs.</summary>
    public static bool Matches(string key, string storedHash)
    {
        // A key of another length cannot match, and hashing it would only spend time on a long header.
        var offered = key.Length == Length ? Digest(key) : new byte[SHA256.HashSizeInBytes];
        var stored = storedHash.Length == SHA256.HashSizeInBytes * 2 ? Convert.FromHexString(storedHash) : new byte[SHA256.HashSizeInBytes];
        return CryptographicOperations.FixedTimeEquals(offered, stored) && key.Length == Length;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
