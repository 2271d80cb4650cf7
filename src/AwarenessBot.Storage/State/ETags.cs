using System.Security.Cryptography;

namespace AwarenessBot.Storage.State;

internal static class ETags
{
    /// <summary>A fresh random ETag for every write: unguessable and never reused, unlike a counter per process.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
