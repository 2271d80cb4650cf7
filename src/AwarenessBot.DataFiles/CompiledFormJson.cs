using System.Text;
using System.Text.Json;

namespace AwarenessBot.DataFiles;

/// <summary>
/// Reading and writing the cache entries kept as JSON (the compiled forms of <see cref="CompiledFormCache"/>, the parsed
/// YAML events): a header line naming the format, then JSON read forwards. Any surprise throws
/// <see cref="JsonException"/>, which the readers turn into "not an entry" (compiled again), so a torn or older entry
/// never becomes data. Writing and reading share the array-of-strings shape.
/// </summary>
public static class CompiledFormJson
{
    /// <summary>The entry's JSON after its header line, or null when the entry is missing or of another format.</summary>
    public static byte[]? Body(string? text, string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return text is not null && text.StartsWith(header + "\n", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(text.AsSpan(header.Length + 1).ToString())
            : null;
    }

    /// <summary>An array of strings, named when <paramref name="name"/> is given (read back by <see cref="ReadStrings"/>).</summary>
    public static void WriteStrings(Utf8JsonWriter json, string? name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        if (name is null) json.WriteStartArray();
        else json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>An array of strings, after its property name when one is given.</summary>
    public static List<string> ReadStrings(ref Utf8JsonReader reader, string? name)
    {
        if (name is not null) Property(ref reader, name);
        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<string>();
        while (Next(ref reader) == JsonTokenType.String) values.Add(reader.GetString()!);
        End(ref reader);
        return values;
    }

    public static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    /// <summary>The reader stands on the end of an array.</summary>
    public static void End(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("end of array");
    }

    public static void Property(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.PropertyName);
        if (!reader.ValueTextEquals(name)) throw new JsonException(name);
    }

    public static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("end of entry");

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw new JsonException(type.ToString());
    }
}
