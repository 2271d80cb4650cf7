using System.Text.RegularExpressions;

namespace Micro.Support;

/// <summary>
/// A temporary copy of seeds/ with every content item (and service) repeated <c>factor</c> times under renamed ids
/// (<c>id_x2</c>, <c>id_x3</c>, ...), to see how start-up scales with 10× and 100× the content.
/// </summary>
internal sealed partial class SyntheticSeeds : IDisposable
{
    public SyntheticSeeds(int factor)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"awarenessbot-seeds-x{factor}-{Guid.NewGuid():N}");
        Copy(SeedsFolder.Seeds, Path);
        for (var copy = 2; copy <= factor; copy++)
        {
            Multiply(System.IO.Path.Combine(Path, "content"), copy);
            Multiply(System.IO.Path.Combine(Path, "services"), copy);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Copies each original item (not earlier copies) once more with "_x{copy}" appended to its id and file name.</summary>
    private static void Multiply(string folder, int copy)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Where(f => !CopySuffix().IsMatch(f)).ToList())
        {
            var suffix = $"_x{copy}";
            var text = IdLine().Replace(File.ReadAllText(file), m => $"{m.Groups[1].Value}{m.Groups[2].Value}{suffix}{m.Groups[3].Value}");
            var name = System.IO.Path.GetFileNameWithoutExtension(file) + suffix + ".yaml";
            File.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, name), text);
        }
    }

    /// <summary>The top-level <c>id:</c> line of an item or the <c>- id:</c> of each service in a list.</summary>
    [GeneratedRegex(@"^((?:- )?id:\s*)([A-Za-z0-9_\-\.]+)(\s*(?:#.*)?)$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"_x\d+\.yaml$")]
    private static partial Regex CopySuffix();
}
