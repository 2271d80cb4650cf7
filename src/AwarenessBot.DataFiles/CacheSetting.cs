namespace AwarenessBot.DataFiles;

/// <summary>
/// The one setting of the data-file caches (the schema passes, <see cref="SchemaResultCache"/>, and the parsed-data
/// snapshot, <see cref="ParsedYamlCache"/>): <c>AWARENESSBOT_VALIDATION_CACHE</c> names their folder, <c>off</c> none;
/// unset, the user's cache folder (<c>$XDG_CACHE_HOME/awarenessbot</c> or <c>~/.cache/awarenessbot</c>).
/// </summary>
internal static class CacheSetting
{
    public const string EnvironmentVariable = "AWARENESSBOT_VALIDATION_CACHE";

    /// <summary>The setting now (read each time, so a benchmark or a tool can switch it).</summary>
    public static string? Current => Environment.GetEnvironmentVariable(EnvironmentVariable);

    public static bool IsOff(string? setting) => string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>The cache folder a setting names (the default one when empty); null for <c>off</c> or no home.</summary>
    public static string? Folder(string? setting) =>
        IsOff(setting) ? null
        : !string.IsNullOrWhiteSpace(setting) ? setting
        : DefaultFolder();

    private static string? DefaultFolder()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrWhiteSpace(home))
            {
                return null;
            }

            cache = Path.Combine(home, ".cache");
        }

        return Path.Combine(cache, "awarenessbot");
    }
}

/// <summary>
/// The process-wide instance of one cache: opened for the setting current when it is asked for, and again only
/// when the setting has changed since.
/// </summary>
internal sealed class SharedCache<T>(Func<string?, T> open)
    where T : class
{
    private readonly Lock _lock = new();
    private (string? Setting, T Cache)? _current;

    public T Value
    {
        get
        {
            var setting = CacheSetting.Current;
            lock (_lock)
            {
                if (_current is not { } current || !string.Equals(current.Setting, setting, StringComparison.Ordinal))
                {
                    current = (setting, open(setting));
                    _current = current;
                }

                return current.Cache;
            }
        }
    }
}
