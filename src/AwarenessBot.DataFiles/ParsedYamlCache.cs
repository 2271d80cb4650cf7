using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwarenessBot.DataFiles;

/// <summary>
/// The parsed-data snapshot of YAML files whose readers need only the JSON and the line map (content items and
/// services: most of seeds/): what <see cref="YamlReader"/> made of a text, kept under a hash of that text and of this
/// build of the reader (its module version id and YamlDotNet's version), one file per text in
/// <c>parsed/</c> beside the schema passes (<see cref="SchemaResultCache"/>'s folder and setting:
/// <c>AWARENESSBOT_VALIDATION_CACHE</c>, <c>off</c> for none). A start or reload over unchanged files then parses JSON
/// (the runtime's own precompiled reader) instead of running YamlDotNet's parser, which starts cold in every new process;
/// an edited file, a new build or a missing entry is a miss and is parsed as before. Only valid YAML is kept, so every
/// YAML error is still found by the parser; the line map is decoded only when an issue asks for a line.
/// </summary>
internal sealed class ParsedYamlCache
{
    private const string FolderName = "parsed";

    private static readonly string ReaderVersion = string.Join(
        "|",
        typeof(ParsedYamlCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(YamlDotNet.Core.Parser).Assembly.GetName().Version?.ToString() ?? "?");

    private static readonly Lock SharedLock = new();
    private static (string? Setting, ParsedYamlCache Cache)? s_shared;

    private readonly string? _folder;

    private ParsedYamlCache(string? folder) => _folder = folder;

    /// <summary>The process-wide cache, as <see cref="SchemaResultCache.EnvironmentVariable"/> says (read each time).</summary>
    public static ParsedYamlCache Shared
    {
        get
        {
            var setting = Environment.GetEnvironmentVariable(SchemaResultCache.EnvironmentVariable);
            lock (SharedLock)
            {
                if (s_shared is not { } shared || !string.Equals(shared.Setting, setting, StringComparison.Ordinal))
                {
                    shared = (setting, Open(setting));
                    s_shared = shared;
                }

                return shared.Cache;
            }
        }
    }

    /// <summary>A cache under this setting's folder, or none (every read parses) with <c>off</c> or no folder.</summary>
    public static ParsedYamlCache Open(string? setting) => Open(setting, MaxEntries);

    /// <param name="maxEntries">Past this many entries the folder starts over (checked once per process): every
    /// build and every edit adds entries, ≈ 300 for the whole of today's seeds.</param>
    internal static ParsedYamlCache Open(string? setting, int maxEntries)
    {
        var folder = SchemaResultCache.Folder(setting);
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
            var path = Path.Combine(_folder, key + ".json");
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
            var entry = string.Concat(document.Json?.ToJsonString() ?? "null", "\n", EncodeLines(document.Lines));
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, key + ".json");
            // Written aside, then moved in: a reader in another process never sees half an entry.
            var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temporary, entry);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // A read-only home, a full disk, a number JSON cannot write (1e400 read as infinity): the next start parses.
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
