using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.Turns;

/// <summary>
/// Persisted with the conversation state (property "processed", saved in the same write as the turn): the last
/// activity ids this conversation has run, as short hashes (never the channel's string). A channel that resends an
/// activity whose turn was saved but whose reply was lost (a crash, a timeout) gets 200 with nothing new, instead of
/// the turn being applied twice. Kept as long as the conversation state (its expiry is the window).
/// </summary>
internal sealed class ProcessedActivitiesState
{
    public const int Capacity = 32;

    public int Version { get; set; } = 1;

    public List<string> Recent { get; set; } = [];

    public static string? Fingerprint(string? activityId) => string.IsNullOrEmpty(activityId)
        ? null
        : Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(activityId)).AsSpan(0, 12));

    public bool Contains(string fingerprint) => Recent.Contains(fingerprint, StringComparer.Ordinal);

    public void Add(string fingerprint)
    {
        Recent.Add(fingerprint);
        if (Recent.Count > Capacity)
        {
            Recent.RemoveRange(0, Recent.Count - Capacity);
        }
    }
}
