namespace LoadGenerator.Hosting;

/// <summary>
/// A host to measure: its name in reports, its built DLL and the environment only it gets (on top of
/// <see cref="ServerSettings"/>). The echo floor is one DLL measured twice, on in-memory state and on the product's
/// SQLite storage, so the storage switch lives here rather than in a second build.
/// </summary>
internal sealed record HostTarget(string Name, string DllPath, IReadOnlyDictionary<string, string> Env)
{
    public const string ProductName = "AwarenessBot";
    public const string FloorName = "floor";
    public const string MemoryEchoName = "echo-memory";
    public const string SqliteEchoName = "echo-sqlite";
    public const string BaselineName = "AwarenessBot-before";

    /// <summary>Another build of the product (<c>--baseline-dll</c>), same environment, for a before/after in one run.</summary>
    public static HostTarget Baseline(string path, IReadOnlyDictionary<string, string> env) => new(BaselineName, Path.GetFullPath(path), env);

    public static HostTarget Product(string? overridePath, IReadOnlyDictionary<string, string> env) =>
        new(ProductName, Path.GetFullPath(overridePath ?? RepoLayout.ProductDll), env);

    /// <summary>The echo floor on whatever storage the environment says (SQLite by default, as the product).</summary>
    public static HostTarget Floor(string? overridePath, IReadOnlyDictionary<string, string> env) =>
        new(FloorName, Path.GetFullPath(overridePath ?? RepoLayout.FloorDll), env);

    /// <summary>The echo floor on in-memory state: what the Bot Framework SDK itself costs per turn.</summary>
    public static HostTarget MemoryEcho(string? overridePath, IReadOnlyDictionary<string, string> env) =>
        new(MemoryEchoName, Path.GetFullPath(overridePath ?? RepoLayout.FloorDll), WithStorage(env, "Memory"));

    /// <summary>The echo floor on the product's SQLite storage: the SDK plus the same storage cost.</summary>
    public static HostTarget SqliteEcho(string? overridePath, IReadOnlyDictionary<string, string> env) =>
        new(SqliteEchoName, Path.GetFullPath(overridePath ?? RepoLayout.FloorDll), WithStorage(env, "Sqlite"));

    public static HostTarget ByName(string name, string? productDll, string? floorDll, IReadOnlyDictionary<string, string> productEnv, IReadOnlyDictionary<string, string> floorEnv) => name.ToLowerInvariant() switch
    {
        "product" or "awarenessbot" => Product(productDll, productEnv),
        "floor" or "echofloor" => Floor(floorDll, floorEnv),
        MemoryEchoName => MemoryEcho(floorDll, floorEnv),
        SqliteEchoName => SqliteEcho(floorDll, floorEnv),
        _ => throw new ArgumentException($"--target must be product, floor, {MemoryEchoName} or {SqliteEchoName}, not '{name}'."),
    };

    /// <summary>An explicit --floor-env Storage__Provider still wins, for experiments.</summary>
    private static Dictionary<string, string> WithStorage(IReadOnlyDictionary<string, string> env, string provider)
    {
        var merged = new Dictionary<string, string> { ["Storage__Provider"] = provider };
        foreach (var (name, value) in env)
        {
            merged[name] = value;
        }

        return merged;
    }
}
