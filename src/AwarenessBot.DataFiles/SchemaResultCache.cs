using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.DataFiles;

/// <summary>
/// Schema checks that passed, remembered by a hash of everything they depend on: this build of the checker (its
/// module version id and JsonSchema.Net's version), the schema's text and the document's JSON. A schema check is a
/// pure function of those, so a pass is a pass again; start-up and reloads then evaluate only what changed, and
/// schemas nobody needs to evaluate are not even built. Failures are never remembered (they are re-evaluated to
/// list every error). Kept in memory and in one file of hex keys under the user's cache folder
/// (<c>$XDG_CACHE_HOME/awarenessbot</c> or <c>~/.cache/awarenessbot</c>); the environment variable
/// <c>AWARENESSBOT_VALIDATION_CACHE</c> names another folder, or <c>off</c> to evaluate everything every time.
/// A file that cannot be read or written only costs the time the cache saves.
/// </summary>
internal sealed class SchemaResultCache
{
    public const string EnvironmentVariable = CacheSetting.EnvironmentVariable;

    /// <summary>Past this size the file starts over: keys of old builds and edited files pile up otherwise.</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The schema library's assembly, read by name: naming any of its types would run its module
    /// initializer (see <see cref="SchemaChecker"/>), which a start that evaluates nothing does not need.</summary>
    internal const string SchemaLibrary = "JsonSchema.Net";

    private static readonly string CheckerVersion = string.Join(
        "|",
        typeof(SchemaResultCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        Assembly.Load(new AssemblyName(SchemaLibrary)).GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?");

    private static readonly SharedCache<SchemaResultCache> s_shared = new(Open);

    private readonly ConcurrentDictionary<string, byte> _passed = new(StringComparer.Ordinal);
    private readonly Lock _fileLock = new();
    private readonly string? _file;
    private readonly bool _enabled;

    private SchemaResultCache(string? file, bool enabled)
    {
        _file = file;
        _enabled = enabled;
        if (file is not null)
        {
            Load(file);
        }
    }

    /// <summary>
    /// The process-wide cache, as <see cref="EnvironmentVariable"/> says when a checker is built (read each time, so
    /// a benchmark or a tool can switch it; the file is loaded once per setting).
    /// </summary>
    public static SchemaResultCache Shared => s_shared.Value;

    /// <summary>A cache in this folder (null: in memory only), or none at all with <c>off</c>.</summary>
    public static SchemaResultCache Open(string? setting)
    {
        if (CacheSetting.IsOff(setting))
        {
            return new SchemaResultCache(null, enabled: false);
        }

        var folder = CacheSetting.Folder(setting);
        return new SchemaResultCache(folder is null ? null : Path.Combine(folder, "schema-passed.txt"), enabled: true);
    }

    /// <summary>The key of a schema's text (what <see cref="PassedKey"/> combines with a document).</summary>
    public static string SchemaKey(string schemaJson) => Hash("schema", schemaJson);

    /// <summary>The key of one document checked against one schema.</summary>
    public static string PassedKey(string schemaKey, string documentJson) => Hash(schemaKey, documentJson);

    public bool Contains(string key) => _enabled && _passed.ContainsKey(key);

    public void Add(string key)
    {
        if (!_enabled || !_passed.TryAdd(key, 0) || _file is null)
        {
            return;
        }

        lock (_fileLock)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                if (File.Exists(_file) && new FileInfo(_file).Length > MaxFileBytes)
                {
                    File.Delete(_file);
                }

                File.AppendAllText(_file, key + "\n");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A read-only home or a full disk: the pass stays remembered in memory only.
            }
        }
    }

    private void Load(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return;
            }

            // Another process may be appending: a torn line is not 64 hex digits and is skipped.
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 64 && line.All(char.IsAsciiHexDigitLower))
                {
                    _passed.TryAdd(line, 0);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: start empty.
        }
    }

    private static string Hash(string first, string second)
    {
        var text = string.Concat(CheckerVersion, "\n", first, "\n", second);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
