using System.Security.Cryptography;
using AwarenessBot.Storage.WebChannel;

namespace AwarenessBot.Storage.Tests.WebChannel;

public sealed class ActivitySealTests
{
    private const string Secret = "a-secret-of-at-least-thirty-two-characters";
    private const string Json = "{\"type\":\"message\",\"text\":\"I am 14 and he has my pictures ✓\"}";

    [Fact]
    public void A_sealed_activity_opens_with_the_same_secret_at_the_same_place()
    {
        var sealedBytes = new ActivitySeal(Secret).Seal("conv", 7, Json);

        Assert.Equal(Json, new ActivitySeal(Secret).Open("conv", 7, sealedBytes));
        Assert.DoesNotContain("pictures"u8.ToArray(), Windows(sealedBytes, "pictures".Length));
    }

    [Fact]
    public void Sealing_twice_gives_different_bytes()
    {
        var seal = new ActivitySeal(Secret);

        Assert.NotEqual(seal.Seal("conv", 1, Json), seal.Seal("conv", 1, Json));
    }

    [Fact]
    public void Another_secret_another_place_or_a_changed_byte_does_not_open()
    {
        var seal = new ActivitySeal(Secret);
        var sealedBytes = seal.Seal("conv", 7, Json);
        var tampered = (byte[])sealedBytes.Clone();
        tampered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => new ActivitySeal(Secret + "x").Open("conv", 7, sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open("conv", 8, sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open("other", 7, sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open("conv", 7, tampered));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open("conv", 7, new byte[5]));
    }

    [Fact]
    public void Without_a_secret_each_seal_has_its_own_random_key()
    {
        var sealedBytes = new ActivitySeal(null).Seal("conv", 1, Json);

        Assert.ThrowsAny<CryptographicException>(() => new ActivitySeal(null).Open("conv", 1, sealedBytes));
    }

    private static IEnumerable<byte[]> Windows(byte[] bytes, int size) =>
        Enumerable.Range(0, Math.Max(0, bytes.Length - size + 1)).Select(i => bytes[i..(i + size)]);
}
