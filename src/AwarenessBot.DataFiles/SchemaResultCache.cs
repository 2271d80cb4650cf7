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
        CompiledFormCache.BuildOf(typeof(SchemaResultCache).Assembly),
        Assembly.Load(new AssemblyName(SchemaLibrary)).GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?");

    /// <summary>
    /// The file of this build's passes. Every key hashes the checker's build in, so no other build's key can ever
    /// match: one file per build, and a start reads only its own build's keys (one file for all builds held ≈ 30,000
    /// keys on the team's machine, all read into memory at every start).
    /// </summary>
    private static readonly string BuildFileName =
        FilePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CheckerVersion)))[..16] + FileSuffix;

    private const string FilePrefix = "schema-passed-";
    private const string FileSuffix = ".txt";

    /// <summary>The single file of every build's passes that the per-build files replaced.</summary>
    private const string SharedFileName = "schema-passed.txt";

    /// <summary>How long the old all-builds file stays after its last write (older builds on the machine still use it).</summary>
    private static readonly TimeSpan SharedFileIdle = TimeSpan.FromDays(7);

    /// <summary>Files of other builds kept at most (the most recently written).</summary>
    internal const int MaxBuildFiles = 16;

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
        if (folder is not null)
        {
            ForgetOtherBuilds(folder, MaxBuildFiles);
        }

        return new SchemaResultCache(folder is null ? null : Path.Combine(folder, BuildFileName), enabled: true);
    }

    /// <summary>The old all-builds file goes after a week unwritten, and the files of other builds beyond the most recent <paramref name="keep"/>.</summary>
    internal static void ForgetOtherBuilds(string folder, int keep)
    {
        try
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            // Builds from before the per-build files still write the old one: it goes once none has for a week.
            var shared = new FileInfo(Path.Combine(folder, SharedFileName));
            if (shared.Exists && shared.LastWriteTimeUtc < TimeProvider.System.GetUtcNow().UtcDateTime - SharedFileIdle)
            {
                shared.Delete();
            }

            var others = new DirectoryInfo(folder).GetFiles(FilePrefix + "*" + FileSuffix)
                .Where(file => !string.Equals(file.Name, BuildFileName, StringComparison.Ordinal))
                .OrderByDescending(file => file.LastWriteTimeUtc)
                .Skip(keep);
            foreach (var stale in others)
            {
                stale.Delete();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process starting at the same time, or a read-only folder: the files only cost disk.
        }
    }

    /// <summary>This build's file in a folder (tests).</summary>
    internal static string BuildFile(string folder) => Path.Combine(folder, BuildFileName);

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
