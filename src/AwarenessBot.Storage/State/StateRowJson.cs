using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AwarenessBot.Storage.State;

/// <summary>
/// A stored row that is one JSON object of named parts (<c>{"processed":{…},"dialog":{…}}</c>), read and written
/// with <see cref="Utf8JsonReader"/> / <see cref="Utf8JsonWriter"/> straight into and out of the typed parts (give
/// it source-generated <see cref="JsonTypeInfo{T}"/>), with no intermediate JSON tree. Properties of the row the
/// caller does not know are kept, in their place, and written back; parts the row lacked come after them in the
/// order the caller writes them. The text written is the one a <c>JsonObject</c> of the same properties writes
/// (minified, the default encoder), so rows written before read back and re-write to the same bytes.
/// </summary>
public static class StateRowJson
{
    private const int MaxDepth = 64;
    private const int KeptBufferBytes = 16 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Reads a row of one part; a part the row lacks (or holds as null) comes back new.</summary>
    public static StateRowLayout? Read<T1>(string? json, string name1, JsonTypeInfo<T1> info1, out T1 part1)
        where T1 : class, new()
    {
        var parts = new Parts<T1, Empty>(name1, info1, "", null);
        var layout = Read(json, ref parts);
        part1 = parts.Part1 ?? new T1();
        return layout;
    }

    /// <summary>Reads a row of two parts; a part the row lacks (or holds as null) comes back new.</summary>
    public static StateRowLayout? Read<T1, T2>(string? json, string name1, JsonTypeInfo<T1> info1, out T1 part1, string name2, JsonTypeInfo<T2> info2, out T2 part2)
        where T1 : class, new()
        where T2 : class, new()
    {
        var parts = new Parts<T1, T2>(name1, info1, name2, info2);
        var layout = Read(json, ref parts);
        part1 = parts.Part1 ?? new T1();
        part2 = parts.Part2 ?? new T2();
        return layout;
    }

    /// <summary>The row's text: its other properties as read (<paramref name="layout"/>), with this part in its place.</summary>
    public static string Write<T1>(StateRowLayout? layout, string name1, JsonTypeInfo<T1> info1, T1 part1)
        where T1 : class
    {
        var parts = new Parts<T1, Empty>(name1, info1, "", null) { Part1 = part1 };
        return Write(layout, ref parts);
    }

    /// <summary>The row's text: its other properties as read, with both parts in their places (new ones in this order).</summary>
    public static string Write<T1, T2>(StateRowLayout? layout, string name1, JsonTypeInfo<T1> info1, T1 part1, string name2, JsonTypeInfo<T2> info2, T2 part2)
        where T1 : class
        where T2 : class
    {
        var parts = new Parts<T1, T2>(name1, info1, name2, info2) { Part1 = part1, Part2 = part2 };
        return Write(layout, ref parts);
    }

    private static StateRowLayout? Read<T1, T2>(string? json, ref Parts<T1, T2> parts)
        where T1 : class
        where T2 : class
    {
        if (json is null)
        {
            return null;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length), ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A state row is not a JSON object.");
            }

            List<string>? names = null;
            Dictionary<string, JsonElement>? others = null;
            var seen = 0;
            var inOrder = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = parts.IndexOf(ref reader);
                var name = index switch
                {
                    1 => parts.Name1,
                    2 => parts.Name2,
                    _ => reader.GetString()!,
                };
                if (!reader.Read())
                {
                    throw new JsonException("A state row ends inside a property.");
                }

                if (index == 0)
                {
                    others ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    if (!others.TryAdd(name, JsonElement.ParseValue(ref reader)))
                    {
                        throw new JsonException("A state row names a property twice.");
                    }
                }
                else
                {
                    if ((seen & index) != 0)
                    {
                        throw new JsonException("A state row names a property twice.");
                    }

                    parts.Read(index, ref reader);
                }

                // The common row holds the parts in the order they are written (or the first alone): nothing to keep.
                inOrder &= index == 1 ? seen == 0 : index == 2 && seen == 1;
                seen |= index;
                (names ??= new List<string>(4)).Add(name);
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new JsonException("A state row is not one JSON object.");
            }

            return inOrder && others is null ? null : new StateRowLayout(names?.ToArray() ?? [], others);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string Write<T1, T2>(StateRowLayout? layout, ref Parts<T1, T2> parts)
        where T1 : class
        where T2 : class
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
        {
            writer.WriteStartObject();
            var written = 0;
            if (layout is not null)
            {
                foreach (var name in layout.Names)
                {
                    var index = string.Equals(name, parts.Name1, StringComparison.Ordinal) ? 1
                        : string.Equals(name, parts.Name2, StringComparison.Ordinal) && parts.Name2.Length > 0 ? 2
                        : 0;
                    writer.WritePropertyName(name);
                    if (index == 0)
                    {
                        layout.Others![name].WriteTo(writer);
                    }
                    else
                    {
                        parts.Write(index, writer);
                        written |= index;
                    }
                }
            }

            if ((written & 1) == 0)
            {
                writer.WritePropertyName(parts.Name1);
                parts.Write(1, writer);
            }

            if ((written & 2) == 0 && parts.Name2.Length > 0)
            {
                writer.WritePropertyName(parts.Name2);
                parts.Write(2, writer);
            }

            writer.WriteEndObject();
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > KeptBufferBytes)
            {
                t_buffer = null; // one unusually large row does not pin its buffer to the thread
            }
        }
    }

    /// <summary>Stands for "no second part".</summary>
    private sealed class Empty;

    /// <summary>The caller's parts by index (1, 2; 0 is "not a part"), as a struct so nothing is boxed.</summary>
    private struct Parts<T1, T2>(string name1, JsonTypeInfo<T1> info1, string name2, JsonTypeInfo<T2>? info2)
        where T1 : class
        where T2 : class
    {
        public readonly string Name1 => name1;

        public readonly string Name2 => name2;

        public T1? Part1 { get; set; }

        public T2? Part2 { get; set; }

        public readonly int IndexOf(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals(name1) ? 1 : name2.Length > 0 && reader.ValueTextEquals(name2) ? 2 : 0;

        public void Read(int index, ref Utf8JsonReader reader)
        {
            if (index == 1)
            {
                Part1 = reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, info1);
            }
            else
            {
                Part2 = reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, info2!);
            }
        }

        public readonly void Write(int index, Utf8JsonWriter writer)
        {
            if (index == 1)
            {
                JsonSerializer.Serialize(writer, Part1!, info1);
            }
            else
            {
                JsonSerializer.Serialize(writer, Part2!, info2!);
            }
        }
    }
}

/// <summary>
/// What a row held besides its parts, to be written back: its property names in order and the values of those that
/// are not parts. Null from <see cref="StateRowJson"/> when there is nothing to keep (the usual row).
/// </summary>
public sealed class StateRowLayout
{
    internal StateRowLayout(string[] names, Dictionary<string, JsonElement>? others)
    {
        Names = names;
        Others = others;
    }

    internal string[] Names { get; }

    internal Dictionary<string, JsonElement>? Others { get; }
}
