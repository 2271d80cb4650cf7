using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwarenessBot.DataFiles;

/// <summary>
/// The parsed-data snapshot of the YAML files, kept under a hash of a file's text and of this build of the reader (its
/// module version id and YamlDotNet's version), one file per text in <c>parsed/</c> beside the schema passes (the same
/// folder and setting, <see cref="CacheSetting"/>: <c>AWARENESSBOT_VALIDATION_CACHE</c>, <c>off</c> for none). Two kinds:
/// <list type="bullet">
/// <item><c>&lt;key&gt;.json</c>, for readers that need only the JSON and the line map (content items and services: most
/// of seeds/, <see cref="YamlReader.TryReadData(string, string, ICollection{ValidationIssue})"/>): the JSON and lines
/// themselves, the line map decoded only when an issue asks for a line;</item>
/// <item><c>&lt;key&gt;.events</c>, for every other reader (<see cref="YamlReader.Read(string, string)"/>: flows, intents,
/// regions, slots, the catalog, the triage lexicons, concepts and frames, which walk the YAML tree): the parser's events,
/// replayed into the same tree (<see cref="YamlEvents"/>).</item>
/// </list>
/// A start or reload over unchanged files then reads JSON (the runtime's own precompiled reader) instead of running
/// YamlDotNet's scanner and parser, which start cold in every new process; an edited file, a new build or a missing or
/// torn entry is a miss and is parsed as before. Only valid YAML is kept, so every YAML error is still found by the
/// parser.
/// </summary>
internal sealed class ParsedYamlCache
{
    private const string FolderName = "parsed";
    private const string DataSuffix = ".json";
    private const string EventsSuffix = ".events";

    private static readonly string ReaderVersion = string.Join(
        "|",
        CompiledFormCache.BuildOf(typeof(ParsedYamlCache).Assembly),
        typeof(YamlDotNet.Core.Parser).Assembly.GetName().Version?.ToString() ?? "?");

    private static readonly SharedCache<ParsedYamlCache> s_shared = new(Open);

    private readonly string? _folder;

    private ParsedYamlCache(string? folder) => _folder = folder;

    /// <summary>The process-wide cache, as <see cref="CacheSetting"/> says (read each time).</summary>
    public static ParsedYamlCache Shared => s_shared.Value;

    /// <summary>False with <c>off</c> or no folder: nothing is kept, every read parses.</summary>
    public bool IsEnabled => _folder is not null;

    /// <summary>A cache under this setting's folder, or none (every read parses) with <c>off</c> or no folder.</summary>
    public static ParsedYamlCache Open(string? setting) => Open(setting, MaxEntries);

    /// <param name="maxEntries">Past this many entries the folder starts over (checked once per process): every
    /// build and every edit adds entries, ≈ 300 for the whole of today's seeds.</param>
    internal static ParsedYamlCache Open(string? setting, int maxEntries)
    {
        var folder = CacheSetting.Folder(setting);
        var parsed = folder is null ? null : Path.Combine(folder, FolderName);
        if (parsed is not null)
        {
            StartOverPast(parsed, maxEntries);
        }

        return new ParsedYamlCache(parsed);
    }

    /// <summary>Entries kept at most (≈ 13 builds' worth of today's seeds, ≈ 25 MB of disk blocks).</summary>
    internal const int MaxEntries = 4000;

    private static void StartOverPast(string folder, int maxEntries)
    {
        try
        {
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Skip(maxEntries).Any())
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process starting over at the same time, or a read-only folder: entries are only a saving.
        }
    }

    public static string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(ReaderVersion, "\n", text))));

    /// <summary>The document kept for this text, or null (a miss, or an entry that cannot be read).</summary>
    public DataDocument? TryGet(string key, string file)
    {
        if (_folder is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(_folder, key + DataSuffix);
            if (!File.Exists(path))
            {
                return null;
            }

            var text = File.ReadAllText(path);
            var cut = text.IndexOf('\n', StringComparison.Ordinal);
            if (cut < 0)
            {
                return null;
            }

            var json = JsonNode.Parse(text.AsSpan(0, cut).ToString());
            var lines = text[(cut + 1)..];
            return new DataDocument(file, null, json, new Lazy<IReadOnlyDictionary<string, int>>(() => DecodeLines(lines)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            // A torn or foreign entry: parse the YAML instead.
            return null;
        }
    }

    /// <summary>Keeps what the reader made of a text; a document that cannot be written as JSON is not kept.</summary>
    public void Add(string key, DataDocument document)
    {
        if (_folder is null)
        {
            return;
        }

        try
        {
            WriteEntry(key + DataSuffix, string.Concat(document.Json?.ToJsonString() ?? "null", "\n", EncodeLines(document.Lines)));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // A number JSON cannot write (1e400 read as infinity): the next start parses.
        }
    }

    /// <summary>The parser's events kept for this text (<see cref="EventsKey"/>), or null (a miss, or an entry that cannot be read).</summary>
    public List<YamlDotNet.Core.Events.ParsingEvent>? TryGetEvents(string key)
    {
        if (_folder is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(_folder, key + EventsSuffix);
            return File.Exists(path) ? YamlEvents.Decode(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            // A torn or foreign entry: parse the YAML instead.
            return null;
        }
    }

    /// <summary>Keeps the parser's events of a text that was read without error.</summary>
    public void AddEvents(string key, IReadOnlyList<YamlDotNet.Core.Events.ParsingEvent> events)
    {
        if (_folder is not null)
        {
            WriteEntry(key + EventsSuffix, YamlEvents.Encode(events));
        }
    }

    /// <summary>A compiled form kept under <paramref name="name"/> (<see cref="CompiledFormCache"/>), or null.</summary>
    public string? TryGetText(string name)
    {
        if (_folder is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(_folder, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps a compiled form under <paramref name="name"/> (written aside, then moved in).</summary>
    public void AddText(string name, string text)
    {
        if (_folder is not null)
        {
            WriteEntry(name, text);
        }
    }

    /// <summary>The key of a text's events: the same hash as <see cref="Key"/> (the entries differ by suffix).</summary>
    public static string EventsKey(string text) => Key(text);

    private void WriteEntry(string name, string entry)
    {
        try
        {
            Directory.CreateDirectory(_folder!);
            var path = Path.Combine(_folder!, name);
            // Written aside, then moved in: a reader in another process never sees half an entry.
            var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temporary, entry);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only home or a full disk: the next start parses.
        }
    }

    private static string EncodeLines(IReadOnlyDictionary<string, int> lines)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (pointer, line) in lines)
            {
                writer.WriteStringValue(pointer);
                writer.WriteNumberValue(line);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Dictionary<string, int> DecodeLines(string encoded)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(encoded));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var pointer = reader.GetString()!;
            reader.Read();
            lines[pointer] = reader.GetInt32();
        }

        return lines;
    }
}
