using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json;

namespace AwarenessBot.Edge.Replies;

/// <summary>
/// The body of a Bot Connector answer (the <c>expectReplies</c> activities, an invoke's value) as JSON, written the
/// way the SDK's <c>HttpHelper.WriteResponseAsync</c> writes it (its serializer settings: nulls left out, ISO dates in
/// UTC, its contract resolver and TimeSpan converter) but without indentation, by one kept serializer, into the
/// response's own buffer: the SDK pretty-prints every reply into a fresh MemoryStream and copies that into the
/// response, and a turn answers with 3–6 activities. An expectReplies answer of plain activities (every answer of
/// the product's) is written by <see cref="ActivityJsonWriter"/> instead, the same bytes without the serializer's
/// reflection; anything else goes through the serializer.
/// </summary>
public static class ConnectorReplyJson
{
    /// <summary>A builder kept per thread beyond this many characters is dropped (a rare huge body is not kept).</summary>
    private const int MaxKeptBuilderChars = 64 * 1024;

    /// <summary>The SDK's <c>HttpHelper.BotMessageSerializerSettings</c> apart from <see cref="Formatting"/> (a test compares them).</summary>
    public static JsonSerializerSettings Settings() => new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.None,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
        ContractResolver = new ReadOnlyJsonContractResolver(),
        Converters = [new Iso8601TimeSpanConverter()],
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings());

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Writes <paramref name="body"/> as UTF-8 JSON (no byte order mark) into <paramref name="output"/>.</summary>
    public static void Write(object body, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(output);
        if (ActivityJsonWriter.TryWrite(body, output))
        {
            return;
        }

        WriteWithSerializer(body, output);
    }

    /// <summary>The serializer's way, for any body (the tests and the micro-benchmark compare the two).</summary>
    internal static void WriteWithSerializer(object body, IBufferWriter<byte> output)
    {
        var builder = t_builder ?? new StringBuilder(4096);
        t_builder = null;
        try
        {
            using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
            using (var json = new JsonTextWriter(text))
            {
                Serializer.Serialize(json, body);
            }

            var encoder = Encoding.UTF8.GetEncoder();
            foreach (var chunk in builder.GetChunks())
            {
                encoder.Convert(chunk.Span, output, flush: false, out _, out _);
            }

            encoder.Convert(ReadOnlySpan<char>.Empty, output, flush: true, out _, out _);
        }
        finally
        {
            if (builder.Capacity <= MaxKeptBuilderChars)
            {
                builder.Clear();
                t_builder = builder;
            }
        }
    }
}
