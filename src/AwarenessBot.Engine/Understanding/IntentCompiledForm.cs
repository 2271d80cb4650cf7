using System.Buffers;
using System.Text;
using System.Text.Json;
using AwarenessBot.DataFiles;
using static AwarenessBot.DataFiles.CompiledFormJson;
using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// What <see cref="IntentCatalog.Load(string, MessageWords?)"/> compiles from seeds/intents (every phrase, whole-message
/// word, stop word and same-meaning word run through the message normaliser), as kept in the
/// <see cref="DataFiles.CompiledFormCache"/>: the phrases with their tokens in load order, the whole-message words, the
/// stop words, the same-meaning entries, which locales write and read each word, languages.yaml's lists and the
/// fold-only intent names. Every collection is written in its enumeration order and read back in it, so a catalog read
/// from here enumerates exactly as the compiled one. Read back, any deviation from the format is a miss.
/// </summary>
internal static class IntentCompiledForm
{
    /// <summary>The cache entry's kind (its file suffix).</summary>
    public const string Kind = "intents";

    /// <summary>The first line of an entry; a change of this format changes it.</summary>
    private const string Header = "awarenessbot-intents-compiled/3";

    public static string Write(IntentCatalog catalog)
    {
        var buffer = new ArrayBufferWriter<byte>(512 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("phrases");
            foreach (var phrase in catalog.Phrases)
            {
                // [intent, locale, text, token, token, ...]
                json.WriteStartArray();
                json.WriteStringValue(phrase.Intent);
                json.WriteStringValue(phrase.Locale);
                json.WriteStringValue(phrase.Text);
                foreach (var token in phrase.Tokens) json.WriteStringValue(token);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("exact");
            foreach (var (text, intent) in catalog.Exact)
            {
                json.WriteStringValue(text);
                json.WriteStringValue(intent);
            }

            json.WriteEndArray();
            WriteStrings(json, "stop", catalog.StopWords);
            WriteStrings(json, "question", catalog.QuestionWords);
            json.WriteStartArray("same");
            foreach (var (locale, words, meaning) in catalog.SameWords.Entries)
            {
                json.WriteStartArray();
                json.WriteNumberValue(locale);
                WriteStrings(json, null, words);
                WriteStrings(json, null, meaning);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            var languages = catalog.Languages;
            Masks(json, "written", languages.Written);
            Masks(json, "read", languages.Read);
            WriteStrings(json, "any", languages.AnyLanguageIntents);
            WriteStrings(json, "shared", languages.SharedWords);
            Masks(json, "mixes", languages.MixesWith);
            WriteStrings(json, "negations", languages.Negations);
            WriteStrings(json, "requests", languages.LanguageRequests);
            WriteStrings(json, "hyphens", languages.HyphenPrefixes);
            WriteStrings(json, "beforeLanguage", languages.BeforeALanguage);
            WriteStrings(json, "theText", languages.TheText);
            if (catalog.KnownFoldedIntentNames is { } folded) WriteStrings(json, "folded", folded);
            else json.WriteNull("folded");
            json.WriteNumber("count", catalog.Phrases.Count);
            json.WriteEndObject();
        }

        return Header + "\n" + Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The catalog an entry holds, read with <paramref name="words"/>, or null when it is not one.</summary>
    public static IntentCatalog? TryRead(string? text, MessageWords words)
    {
        if (Body(text, Header) is not { } bytes)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes);
            Expect(ref reader, JsonTokenType.StartObject);
            Property(ref reader, "phrases");
            Expect(ref reader, JsonTokenType.StartArray);
            var phrases = new List<IntentPhrase>();
            while (Next(ref reader) == JsonTokenType.StartArray)
            {
                var intent = ReadString(ref reader);
                var locale = ReadString(ref reader);
                var phrase = ReadString(ref reader);
                var tokens = new List<string>(4);
                while (Next(ref reader) == JsonTokenType.String) tokens.Add(reader.GetString()!);
                if (reader.TokenType != JsonTokenType.EndArray || tokens.Count == 0) return null;
                phrases.Add(new IntentPhrase(intent, locale, phrase, [.. tokens]));
            }

            End(ref reader);
            Property(ref reader, "exact");
            Expect(ref reader, JsonTokenType.StartArray);
            var exact = new Dictionary<string, string>(StringComparer.Ordinal);
            while (Next(ref reader) == JsonTokenType.String)
            {
                var key = reader.GetString()!;
                exact.Add(key, ReadString(ref reader));
            }

            End(ref reader);
            var stop = ReadSet(ref reader, "stop");
            var question = ReadSet(ref reader, "question");
            Property(ref reader, "same");
            Expect(ref reader, JsonTokenType.StartArray);
            var same = new List<(int, string[], string[])>();
            while (Next(ref reader) == JsonTokenType.StartArray)
            {
                Expect(ref reader, JsonTokenType.Number);
                var locale = reader.GetInt32();
                var typed = ReadStrings(ref reader, null);
                var meaning = ReadStrings(ref reader, null);
                Expect(ref reader, JsonTokenType.EndArray);
                same.Add((locale, [.. typed], [.. meaning]));
            }

            End(ref reader);
            var written = ReadMasks(ref reader, "written");
            var read = ReadMasks(ref reader, "read");
            var any = ReadSet(ref reader, "any");
            var shared = ReadSet(ref reader, "shared");
            var mixes = ReadMasks(ref reader, "mixes");
            var negations = ReadSet(ref reader, "negations");
            var requests = ReadSet(ref reader, "requests");
            var hyphens = ReadSet(ref reader, "hyphens");
            var beforeLanguage = ReadSet(ref reader, "beforeLanguage");
            var theText = ReadSet(ref reader, "theText");
            Property(ref reader, "folded");
            HashSet<string>? folded = null;
            if (Next(ref reader) == JsonTokenType.StartArray)
            {
                folded = new HashSet<string>(StringComparer.Ordinal);
                while (Next(ref reader) == JsonTokenType.String) folded.Add(reader.GetString()!);
                End(ref reader);
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                return null;
            }

            Property(ref reader, "count");
            Expect(ref reader, JsonTokenType.Number);
            var count = reader.GetInt32();
            Expect(ref reader, JsonTokenType.EndObject);
            if (count != phrases.Count || reader.Read() || (folded is null) != ReferenceEquals(words, MessageWords.FoldOnly))
            {
                return null;
            }

            return IntentCatalog.FromCompiled(
                phrases, exact, stop, words, new IntentLanguages(written, read, any, shared, mixes, negations, requests, hyphens, beforeLanguage, theText), new SameWords(same), folded, question);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>[word, mask, word, mask, ...] in the dictionary's order.</summary>
    private static void Masks(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> masks)
    {
        json.WriteStartArray(name);
        foreach (var (word, mask) in masks)
        {
            json.WriteStringValue(word);
            json.WriteNumberValue(mask);
        }

        json.WriteEndArray();
    }

    private static Dictionary<string, int> ReadMasks(ref Utf8JsonReader reader, string name)
    {
        Property(ref reader, name);
        Expect(ref reader, JsonTokenType.StartArray);
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.String)
        {
            var word = reader.GetString()!;
            Expect(ref reader, JsonTokenType.Number);
            masks.Add(word, reader.GetInt32());
        }

        End(ref reader);
        return masks;
    }

    private static HashSet<string> ReadSet(ref Utf8JsonReader reader, string name)
    {
        var values = ReadStrings(ref reader, name);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!set.Add(value)) throw new JsonException(name);
        }

        return set;
    }
}
