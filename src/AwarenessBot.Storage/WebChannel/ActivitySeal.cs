using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.Storage.WebChannel;

/// <summary>
/// Seals an activity's JSON before it leaves the process for a shared database: message text must never sit readable
/// in tables, dumps or backups. AES-256-GCM with a key derived from the channel secret (HKDF, its own label, so it is
/// never the token-signing key), a random nonce per activity, and the conversation id and sequence as associated data,
/// so a row copied to another conversation or place does not open.
/// </summary>
public sealed class ActivitySeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] KeyLabel = "awarenessbot directline activities v1"u8.ToArray();

    private readonly byte[] _key;

    public ActivitySeal(string? secret)
    {
        _key = string.IsNullOrEmpty(secret)
            ? RandomNumberGenerator.GetBytes(32)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: null, info: KeyLabel);
    }

    /// <summary><c>nonce | tag | ciphertext</c>.</summary>
    public byte[] Seal(string conversationId, long sequence, string json)
    {
        var plain = Encoding.UTF8.GetBytes(json);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Place(conversationId, sequence));
        return sealedBytes;
    }

    /// <summary>The JSON; throws <see cref="CryptographicException"/> for another key, another place or a changed byte.</summary>
    public string Open(string conversationId, long sequence, byte[] sealedBytes)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed activity is too short.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Place(conversationId, sequence));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Place(string conversationId, long sequence)
    {
        var id = Encoding.UTF8.GetBytes(conversationId);
        var place = new byte[id.Length + sizeof(long)];
        id.CopyTo(place, 0);
        BinaryPrimitives.WriteInt64BigEndian(place.AsSpan(id.Length), sequence);
        return place;
    }
}
