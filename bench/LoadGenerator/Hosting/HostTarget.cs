namespace LoadGenerator.Hosting;

/// <summary>A host to measure: its name in reports and its built DLL.</summary>
internal sealed record HostTarget(string Name, string DllPath)
{
    public const string ProductName = "AwarenessBot";
    public const string FloorName = "floor";

    public static HostTarget Product(string? overridePath) => new(ProductName, Path.GetFullPath(overridePath ?? RepoLayout.ProductDll));

    public static HostTarget Floor(string? overridePath) => new(FloorName, Path.GetFullPath(overridePath ?? RepoLayout.FloorDll));

    public static HostTarget ByName(string name, string? productDll, string? floorDll) => name.ToLowerInvariant() switch
    {
        "product" or "awarenessbot" => Product(productDll),
        "floor" or "echofloor" => Floor(floorDll),
        _ => throw new ArgumentException($"--target must be product or floor, not '{name}'."),
    };
}
