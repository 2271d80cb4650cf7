using System.Buffers;
using Newtonsoft.Json;

namespace AwarenessBot.Edge.Json;

/// <summary>
/// Newtonsoft's character buffer pool over <see cref="ArrayPool{T}.Shared"/>: a <see cref="JsonTextReader"/> given it
/// rents its buffers and returns them on dispose, instead of allocating a 1 KB buffer and each doubling of it per body.
/// </summary>
public sealed class SharedCharArrayPool : IArrayPool<char>
{
    public static readonly SharedCharArrayPool Instance = new();

    private SharedCharArrayPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
