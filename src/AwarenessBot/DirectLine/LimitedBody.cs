using System.Text;

namespace AwarenessBot.DirectLine;

/// <summary>Reads a request body as UTF-8 up to a limit, without trusting Content-Length.</summary>
internal static class LimitedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
