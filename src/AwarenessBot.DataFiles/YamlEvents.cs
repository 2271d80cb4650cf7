using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using TagDirective = YamlDotNet.Core.Tokens.TagDirective;
using static AwarenessBot.DataFiles.CompiledFormJson;

namespace AwarenessBot.DataFiles;

/// <summary>
/// The YAML parser's events for one text, as the parsed-data snapshot keeps them for the readers that walk the YAML
/// tree (flows, intents, regions, slots, the catalog, the triage lexicons, concepts and frames, the normaliser's
/// rules): replayed into <see cref="YamlDotNet.RepresentationModel.YamlStream"/>, they build the same nodes (values,
/// styles, tags, anchors, positions) without YamlDotNet's scanner and parser, which start cold in every new process.
/// A text whose events this format does not carry (a <c>%YAML</c> directive, a comment event) is never kept.
/// </summary>
internal static class YamlEvents
{
    /// <summary>Passes a parser's events through and keeps them, to be stored once the text has been read without error.</summary>
    internal sealed class Recorder(IParser inner) : IParser
    {
        public List<ParsingEvent> Events { get; } = [];

        /// <summary>False once an event this format cannot carry went by.</summary>
        public bool Keepable { get; private set; } = true;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            Keepable &= current is StreamStart or StreamEnd or DocumentEnd or MappingStart or MappingEnd or SequenceStart or SequenceEnd or Scalar or AnchorAlias
                || current is DocumentStart { Version: null };
            Events.Add(current);
            return true;
        }
    }

    /// <summary>Gives kept events back as a parser would.</summary>
    internal sealed class Replay(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next >= events.Count)
            {
                Current = null;
                return false;
            }

            Current = events[_next++];
            return true;
        }
    }

    /// <summary>One JSON array of events, each an array: kind, start and end marks, then the event's own fields.</summary>
    public static string Encode(IReadOnlyList<ParsingEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in events)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(Kind(e));
                WriteMark(writer, e.Start);
                WriteMark(writer, e.End);
                switch (e)
                {
                    case DocumentStart start:
                        writer.WriteBooleanValue(start.IsImplicit);
                        writer.WriteStartArray();
                        foreach (var tag in start.Tags ?? [])
                        {
                            writer.WriteStringValue(tag.Handle);
                            writer.WriteStringValue(tag.Prefix);
                        }

                        writer.WriteEndArray();
                        break;
                    case DocumentEnd end:
                        writer.WriteBooleanValue(end.IsImplicit);
                        break;
                    case MappingStart mapping:
                        WriteName(writer, mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value, mapping.Tag.IsEmpty ? null : mapping.Tag.Value);
                        writer.WriteBooleanValue(mapping.IsImplicit);
                        writer.WriteNumberValue((int)mapping.Style);
                        break;
                    case SequenceStart sequence:
                        WriteName(writer, sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value, sequence.Tag.IsEmpty ? null : sequence.Tag.Value);
                        writer.WriteBooleanValue(sequence.IsImplicit);
                        writer.WriteNumberValue((int)sequence.Style);
                        break;
                    case Scalar scalar:
                        WriteName(writer, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, scalar.Tag.IsEmpty ? null : scalar.Tag.Value);
                        writer.WriteStringValue(scalar.Value);
                        writer.WriteNumberValue((int)scalar.Style);
                        writer.WriteBooleanValue(scalar.IsPlainImplicit);
                        writer.WriteBooleanValue(scalar.IsQuotedImplicit);
                        writer.WriteBooleanValue(scalar.IsKey);
                        break;
                    case AnchorAlias alias:
                        writer.WriteStringValue(alias.Value.Value);
                        break;
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="JsonException">Not an entry of this format.</exception>
    /// <exception cref="InvalidOperationException">Not an entry of this format.</exception>
    /// <exception cref="ArgumentException">An anchor or tag the events cannot hold.</exception>
    public static List<ParsingEvent> Decode(string entry)
    {
        var events = new List<ParsingEvent>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(entry));
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("an event is an array");
            }

            var kind = ReadString(ref reader);
            var start = ReadMark(ref reader);
            var end = ReadMark(ref reader);
            ParsingEvent e = kind switch
            {
                "S" => new StreamStart(start, end),
                "s" => new StreamEnd(start, end),
                "D" => new DocumentStart(null, ReadTags(ref reader, out var isImplicit), isImplicit, start, end),
                "d" => new DocumentEnd(Bool(ref reader), start, end),
                "M" => new MappingStart(Anchor(ref reader), Tag(ref reader), Bool(ref reader), (MappingStyle)Int(ref reader), start, end),
                "m" => new MappingEnd(start, end),
                "Q" => new SequenceStart(Anchor(ref reader), Tag(ref reader), Bool(ref reader), (SequenceStyle)Int(ref reader), start, end),
                "q" => new SequenceEnd(start, end),
                "V" => new Scalar(Anchor(ref reader), Tag(ref reader), ReadString(ref reader), (ScalarStyle)Int(ref reader), Bool(ref reader), Bool(ref reader), start, end, Bool(ref reader)),
                "A" => new AnchorAlias(new AnchorName(ReadString(ref reader)), start, end),
                _ => throw new JsonException("unknown event"),
            };
            Expect(ref reader, JsonTokenType.EndArray);
            events.Add(e);
        }

        return IsWellFormed(events) ? events : throw new JsonException("not one stream of whole documents");
    }

    /// <summary>One stream of documents, each one node whose mappings and sequences all close: what a parser gives.</summary>
    private static bool IsWellFormed(List<ParsingEvent> events)
    {
        if (events.Count < 2 || events[0] is not StreamStart || events[^1] is not StreamEnd)
        {
            return false;
        }

        var open = new Stack<ParsingEvent>();
        for (var i = 1; i < events.Count - 1; i++)
        {
            var e = events[i];
            var inDocument = open.Count > 0;
            var top = inDocument ? open.Peek() : null;
            if ((e is DocumentStart && !inDocument) || (e is MappingStart or SequenceStart && inDocument))
            {
                open.Push(e);
            }
            else if ((e is DocumentEnd && top is DocumentStart) || (e is MappingEnd && top is MappingStart) || (e is SequenceEnd && top is SequenceStart))
            {
                open.Pop();
            }
            else if (!(e is Scalar or AnchorAlias && inDocument))
            {
                return false;
            }
        }

        return open.Count == 0;
    }

    private static string Kind(ParsingEvent e) => e switch
    {
        StreamStart => "S",
        StreamEnd => "s",
        DocumentStart => "D",
        DocumentEnd => "d",
        MappingStart => "M",
        MappingEnd => "m",
        SequenceStart => "Q",
        SequenceEnd => "q",
        Scalar => "V",
        AnchorAlias => "A",
        _ => throw new InvalidOperationException("an event this format does not carry"),
    };

    private static void WriteMark(Utf8JsonWriter writer, Mark mark)
    {
        writer.WriteNumberValue(mark.Index);
        writer.WriteNumberValue(mark.Line);
        writer.WriteNumberValue(mark.Column);
    }

    private static void WriteName(Utf8JsonWriter writer, string? anchor, string? tag)
    {
        writer.WriteStringValue(anchor);
        writer.WriteStringValue(tag);
    }

    private static Mark ReadMark(ref Utf8JsonReader reader) => new(Long(ref reader), Long(ref reader), Long(ref reader));

    private static TagDirectiveCollection ReadTags(ref Utf8JsonReader reader, out bool isImplicit)
    {
        isImplicit = Bool(ref reader);
        var tags = new TagDirectiveCollection();
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var handle = reader.GetString()!;
            tags.Add(new TagDirective(handle, ReadString(ref reader)));
        }

        return tags;
    }

    private static AnchorName Anchor(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? AnchorName.Empty : new AnchorName(reader.GetString()!);

    private static TagName Tag(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? TagName.Empty : new TagName(reader.GetString()!);

    private static bool Bool(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new JsonException("a boolean was expected"),
    };

    private static int Int(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt32();
    }

    private static long Long(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt64();
    }
}
