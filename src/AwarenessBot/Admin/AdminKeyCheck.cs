using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.Admin;

/// <summary>Reads the key from the request and compares it in constant time.</summary>
internal static class AdminKeyCheck
{
    public const string HeaderName = "X-Admin-Key";

    public static bool IsAuthorised(HttpRequest request, string expectedKey)
    {
        var presented = Presented(request);
        if (presented is null)
        {
            return false;
        }

        // Hashing first makes the comparison independent of both lengths, not just of the contents.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(expectedKey));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1 && !string.IsNullOrEmpty(header[0]))
        {
            return header[0];
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > Bearer.Length
            ? authorization[Bearer.Length..].Trim()
            : null;
    }
}
