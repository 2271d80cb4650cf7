using System.Security.Cryptography;

namespace AwarenessBot.Analytics;

/// <summary>Random per-session keys for analytics, unrelated to any id the channel gives.</summary>
public static class AnalyticsSessionKey
{
    /// <summary>A new 128-bit random key, URL-safe base64 (22 characters).</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
