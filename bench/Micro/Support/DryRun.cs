namespace Micro.Support;

/// <summary>
/// <c>--dry</c>: BenchmarkDotNet's Dry job (one launch, one iteration, no warm-up) in process, over every benchmark
/// unless a filter is given. It proves the benchmarks still compile and run; its timings mean nothing.
/// </summary>
internal static class DryRun
{
    public static string[] Translate(string[] args)
    {
        // Reports go next to the project (bench/Micro/BenchmarkDotNet.Artifacts, git-ignored), not to the caller's folder.
        if (!args.Contains("--artifacts"))
        {
            args = [.. args, "--artifacts", Path.Combine(SeedsFolder.Root, "bench", "Micro", "BenchmarkDotNet.Artifacts")];
        }

        if (!args.Contains("--dry"))
        {
            return args.Contains("--filter") || args.Contains("-f") || args.Contains("--list") ? args : [.. args, "--filter", "*"];
        }

        var rest = args.Where(a => a != "--dry").ToList();
        rest.AddRange(["--job", "Dry", "--inProcess"]);
        if (!rest.Contains("--filter") && !rest.Contains("-f"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        return [.. rest];
    }
}
