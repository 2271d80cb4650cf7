using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>
/// How a store knows that a conversation already answered a question under a code without keeping who answered:
/// an HMAC-SHA256 of the question and the conversation's random answerer value (see the engine's
/// <c>DialogSessionState.ClassAnswerer</c>), keyed by a salt drawn for the code. The salt lives and dies with the code,
/// so after expiry no mark can be recomputed; the choice is not part of the mark, so marks say nothing about answers.
/// </summary>
internal static class ClassAnswerMark
{
    /// <summary>A fresh salt for a new code, as lower-case hex.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The mark of (<paramref name="question"/>, <paramref name="answerer"/>) under a code's salt: 128 bits, lower-case hex.</summary>
    public static string Compute(string salt, string question, string answerer)
    {
        var mac = HMACSHA256.HashData(Convert.FromHexString(salt), Encoding.UTF8.GetBytes(question + "\n" + answerer));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
