using System.Buffers;
using System.Text;
using System.Text.Json;
using AwarenessBot.DataFiles;
using static AwarenessBot.DataFiles.CompiledFormJson;

namespace AwarenessBot.Analysis.Frames;

/// <summary>
/// What <see cref="TriageRulesLoader"/> compiles from the concept files and the known-word lists (every entry run
/// through the message normaliser and the stemmers), as kept in the <see cref="DataFiles.CompiledFormCache"/>: the
/// concept names and locales in file order, the compiled entries in load order, the spelling corrector's target
/// vocabulary and known words in the order they were first added (the corrector's tie-breaks follow that order). Written
/// only for a load without error; read back, any deviation from the format is a miss.
/// </summary>
internal sealed record TriageCompiledForm(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Locales,
    IReadOnlyList<ConceptEntry> Entries,
    IReadOnlyList<string> Vocabulary,
    IReadOnlyList<string> Known)
{
    /// <summary>The cache entry's kind (its file suffix).</summary>
    public const string Kind = "triage";

    /// <summary>The first line of an entry; a change of this format changes it.</summary>
    private const string Header = "awarenessbot-triage-compiled/1";

    private static readonly ElementKind[] Kinds = Enum.GetValues<ElementKind>();

    public string Write()
    {
        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteStrings(json, "names", Names);
            WriteStrings(json, "locales", Locales);
            json.WriteStartArray("entries");
            foreach (var entry in Entries)
            {
                // [concept, locale, kind, text, kind, text, ...]
                json.WriteStartArray();
                json.WriteNumberValue(entry.Concept);
                json.WriteStringValue(entry.Locale);
                foreach (var element in entry.Elements)
                {
                    json.WriteNumberValue((int)element.Kind);
                    json.WriteStringValue(element.Text);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            WriteStrings(json, "vocabulary", Vocabulary);
            WriteStrings(json, "known", Known);
            json.WriteNumber("count", Entries.Count);
            json.WriteEndObject();
        }

        return Header + "\n" + Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The form an entry holds, or null when it is not one (missing, torn, another format).</summary>
    public static TriageCompiledForm? TryRead(string? text)
    {
        if (Body(text, Header) is not { } bytes)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes);
            Expect(ref reader, JsonTokenType.StartObject);
            var names = ReadStrings(ref reader, "names");
            var locales = ReadStrings(ref reader, "locales");
            Property(ref reader, "entries");
            Expect(ref reader, JsonTokenType.StartArray);
            var entries = new List<ConceptEntry>();
            while (Next(ref reader) == JsonTokenType.StartArray)
            {
                Expect(ref reader, JsonTokenType.Number);
                var concept = reader.GetInt32();
                Expect(ref reader, JsonTokenType.String);
                var locale = reader.GetString()!;
                var elements = new List<EntryElement>(4);
                while (Next(ref reader) == JsonTokenType.Number)
                {
                    var kind = reader.GetInt32();
                    Expect(ref reader, JsonTokenType.String);
                    elements.Add(new EntryElement(Kinds.Contains((ElementKind)kind) ? (ElementKind)kind : throw new JsonException("kind"), reader.GetString()!));
                }

                if (reader.TokenType != JsonTokenType.EndArray || concept < 0 || concept >= names.Count || elements.Count == 0)
                {
                    return null;
                }

                entries.Add(new ConceptEntry(concept, locale, [.. elements]));
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return null;
            }

            var vocabulary = ReadStrings(ref reader, "vocabulary");
            var known = ReadStrings(ref reader, "known");
            Property(ref reader, "count");
            Expect(ref reader, JsonTokenType.Number);
            var count = reader.GetInt32();
            Expect(ref reader, JsonTokenType.EndObject);
            return count == entries.Count && !reader.Read() ? new TriageCompiledForm(names, locales, entries, vocabulary, known) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
