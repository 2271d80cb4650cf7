using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.DataFiles;

/// <summary>
/// What a loader compiled from data files (e.g. the triage lexicons run through the message normaliser), kept beside
/// the parsed-data snapshot (<see cref="ParsedYamlCache"/>: the same folder, setting and limit,
/// <c>AWARENESSBOT_VALIDATION_CACHE</c>, <c>off</c> for none) under a hash of everything the compiled form was made
/// from: the texts of the files and the builds of the code that compiled them. A start over unchanged files and an
/// unchanged build reads the compiled form instead of compiling again; any edit or new build is a miss. The loader
/// decides what it keeps (only what it compiled without error) and checks what it reads back (a torn or foreign entry
/// is a miss).
/// </summary>
public sealed class CompiledFormCache
{
    private readonly ParsedYamlCache _store;

    private CompiledFormCache(ParsedYamlCache store) => _store = store;

    /// <summary>The process-wide cache, as the setting says now (read each time).</summary>
    public static CompiledFormCache Shared => new(ParsedYamlCache.Shared);

    /// <summary>A cache under a given setting (a folder, or <c>off</c>): tools and tests.</summary>
    public static CompiledFormCache Open(string? setting) => new(ParsedYamlCache.Open(setting));

    /// <summary>False with <c>off</c> or no folder: nothing is kept or found.</summary>
    public bool IsEnabled => _store.IsEnabled;

    /// <summary>
    /// The key of a compiled form: a SHA-256 over every part (file names and texts, the compiling code's build ids),
    /// each part's length written before it so that no two lists of parts hash alike.
    /// </summary>
    public static string Key(IEnumerable<string?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[5];
        foreach (var part in parts)
        {
            var bytes = part is null ? [] : Encoding.UTF8.GetBytes(part);
            // A missing part (a file that is not there) differs from an empty one.
            length[0] = part is null ? (byte)0 : (byte)1;
            BitConverter.TryWriteBytes(length[1..], bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The build of an assembly as a key part (its module version id changes with every build).</summary>
    public static string BuildOf(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetName().Name + "/" + assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + assembly.GetName().Version;
    }

    /// <summary>The form kept under this key and kind, or null.</summary>
    public string? TryGet(string key, string kind) => _store.TryGetText(Name(key, kind));

    /// <summary>Keeps a form under this key and kind.</summary>
    public void Add(string key, string kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _store.AddText(Name(key, kind), text);
    }

    private static string Name(string key, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (!key.All(char.IsAsciiHexDigit) || !kind.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException("A key is hexadecimal and a kind lower-case letters.", nameof(key));
        }

        return key + "." + kind;
    }
}
